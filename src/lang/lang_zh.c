/* Chinese. Forms seen in A/RES/74/174 (shared/seeds) or cited in
 * un-citation-conventions.md; entries marked [R] there are provisional. */
#include "lang/lang.h"

#include <stddef.h>

static const lang_name kind_words[] = {
    {"号决议", "resolution"},
    {"号决定", "decision"},
    {NULL, NULL},
};

/* Longest first: a shorter name that is a suffix of a longer one must come
 * after it ("委员会" alone is never a body). */
static const lang_name bodies[] = {
    {"预防犯罪和刑事司法委员会", "CCPCJ"},
    {"经济及社会理事会", "ECOSOC"},
    {"妇女地位委员会", "CSW"},
    {"麻醉药品委员会", "CND"},
    {"社会发展委员会", "CSocD"},
    {"人口与发展委员会", "CPD"},
    {"安全理事会", "SC"},
    {"人权理事会", "HRC"},
    {"人权委员会", "CHR"},
    {"经社理事会", "ECOSOC"},
    {"安理会", "SC"},
    {"大会", "GA"},
    {NULL, NULL},
};

static const char *const enum_joiners[] = {"以及", "和", "及", "与", "、", NULL};
static const char *const possessive[] = {"其", NULL};
static const char *const topic_open[] = {"关于", NULL};
static const char *const title_open[] = {"题为", NULL};
static const char *const chain_breaks[] = {"；", "。", ";", NULL};
/* "(A/CONF.189/12和Corr.1)": a symbol and its corrigendum. [R] */
static const char *const symbol_joiners[] = {"和", "及", NULL};

static const lang_name instrument_heads[] = {
    {"任择议定书", "protocol"},
    {"议定书", "protocol"},
    {"国际公约", "covenant"},
    {"公约", "convention"},
    {"条约", "convention"},
    {"规约", "convention"},
    {"宪章", "charter"},
    {"宣言", "declaration"},
    {"协定", "agreement"},
    {NULL, NULL},
};

static const lang_name protocol_relations[] = {
    {"任择议定书", "optional_protocol_to"},
    {"补充议定书", "supplements"},
    {NULL, NULL},
};

static const char *const ibid[] = {"同上", NULL};
static const char *const see[] = {"见", "参见", NULL};
static const char *const treaty_series[] = {"条约汇编", NULL};
static const char *const records_words[] = {"正式记录", NULL};
static const char *const volume_open[] = {"第", NULL};
static const char *const agenda_open[] = {"议程项目", NULL};
static const char *const report_open[] = {"[根据", NULL};
static const char *const report_mid[] = {"的报告", NULL};
static const char *const plenary_words[] = {"次全体会议", NULL};

/* Longest first, so "又回顾" wins over "回顾". */
static const lang_name verbs[] = {
    {"赞赏地注意到", "note_with_appreciation"},
    {"表示注意到", "take_note"},
    {"又注意到", "note"},
    {"还注意到", "note"},
    {"注意到", "note"},
    {"又回顾", "recall"},
    {"还回顾", "recall"},
    {"回顾", "recall"},
    {"又重申", "reaffirm"},
    {"重申", "reaffirm"},
    {"强调指出", "stress"},
    {"强调", "stress"},
    {"深为关切", "concern"},
    {"关切", "concern"},
    {"认识到", "recognize"},
    {"确认", "recognize"},
    {"承认", "acknowledge"},
    {"欢迎", "welcome"},
    {"铭记", "bear_in_mind"},
    {"深信", "convinced"},
    {"申明", "affirm"},
    {"又吁请", "call_upon"},
    {"吁请", "call_upon"},
    {"呼吁", "call_upon"},
    {"又敦促", "urge"},
    {"敦促", "urge"},
    {"又鼓励", "encourage"},
    {"还鼓励", "encourage"},
    {"鼓励", "encourage"},
    {"邀请", "invite"},
    {"请", "request"},
    {"决定", "decide"},
    {NULL, NULL},
};

static const lang_name adoption[] = {
    {"大会决议", "GA"},
    {"人权理事会决议", "HRC"},
    {"经济及社会理事会决议", "ECOSOC"},
    {NULL, NULL},
};

const lang_table lang_zh = {
    .code = "zh",
    .kind_after_number = true,
    .number_open = "第",
    .kind_words = kind_words,
    .enum_joiners = enum_joiners,
    .possessive = possessive,
    .topic_open = topic_open,
    .topic_close = "的",
    .title_open = title_open,
    .chain_breaks = chain_breaks,
    .bodies = bodies,
    .year_mark = "年",
    .month_mark = "月",
    .day_mark = "日",
    .title_brackets = {"《", "》"},
    .instrument_heads = instrument_heads,
    .symbol_joiners = symbol_joiners,
    .protocol_relations = protocol_relations,
    .ibid = ibid,
    .see = see,
    .treaty_series = treaty_series,
    .volume_open = volume_open,
    .volume_close = "卷",
    .regno_open = volume_open,
    .regno_close = "号",
    .records_words = records_words,
    .verbs = verbs,
    .session_open = "第",
    .session_close = "届会议",
    .agenda_open = agenda_open,
    .adoption = adoption,
    .adoption_date_first = true,
    .report_open = report_open,
    .report_mid = report_mid,
    .plenary_words = plenary_words,
};
