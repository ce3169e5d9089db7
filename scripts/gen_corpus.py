#!/usr/bin/env python3
"""Synthetic UN General Assembly resolutions for tests and benchmarks.

    scripts/gen_corpus.py -n 20 --seed 1 -o DIR [--lang zh|en] [--first-session 70]
                          [--manifest FILE] [--catalog datasets/instruments.csv]
                          [--cites MEAN] [--bytes SIZE]

Writes DIR/A_RES_<session>_<number>.<lang>.txt: a header (session, agenda item,
adoption date, report, number and title), preambular paragraphs opening with a
clause verb, numbered operative paragraphs, footnotes with Treaty Series
references ("同上" for the next one), and the closing date and plenary meeting.

Citations are drawn the way real resolutions cite: catalog instruments
(datasets/instruments.csv, skewed towards a few popular ones), and earlier
resolutions of the same corpus, mostly from the same agenda item (a family
carried from session to session), cited with their own adoption date and
title so the facts agree. Sessions and dates agree too: session s sits in
the autumn of 1945 + s. Resolutions only cite earlier sessions.

By default a resolution is short (about 1.3 KB, 5.6 citations): quick for
tests. --cites and --bytes give the shape of real ones for benchmarks: A/RES/74/174
is 12 KB of Chinese with 19 citations, and most of a real resolution is
paragraphs citing nothing (--bytes pads with such paragraphs, which still hold
the words, digits and capitals a scanner has to look at and pass by).

--manifest writes one JSON object per document: its symbol, file and the
identities it cites (catalog instruments by English title, resolutions by
symbol), so a test can check extraction against what was generated.

Only the standard library; the same arguments always give the same bytes.
English output (--lang en) follows the English conventions and is useful once
an English language table is available.
"""

import argparse
import bisect
import csv
import itertools
import json
import os
import random
import sys

ZH_DIGITS = "零一二三四五六七八九"
SUP = str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹")
MONTHS_EN = ["January", "February", "March", "April", "May", "June", "July",
             "August", "September", "October", "November", "December"]
COMMITTEES = [("第三委员会", "Third Committee"), ("第六委员会", "Sixth Committee"),
              ("第二委员会", "Second Committee"), ("第一委员会", "First Committee")]

# Agenda items: number, Chinese and English titles, subjects for resolution titles.
AGENDA = [
    (106, "预防犯罪和刑事司法", "Crime prevention and criminal justice",
     [("打击网上儿童性剥削", "Countering online child sexual exploitation"),
      ("加强联合国预防犯罪和刑事司法方案", "Strengthening the United Nations crime prevention and criminal justice programme"),
      ("打击贩运人口", "Combating trafficking in persons")]),
    (70, "促进和保护儿童权利", "Promotion and protection of the rights of children",
     [("儿童权利", "Rights of the child"), ("保护儿童免遭欺凌", "Protecting children from bullying"),
      ("女童", "The girl child")]),
    (29, "提高妇女地位", "Advancement of women",
     [("暴力侵害妇女移徙工人行为", "Violence against women migrant workers"),
      ("农村妇女状况的改善", "Improvement of the situation of women in rural areas")]),
    (72, "人权问题", "Human rights questions",
     [("酷刑和其他残忍、不人道或有辱人格的待遇或处罚", "Torture and other cruel, inhuman or degrading treatment or punishment"),
      ("暂停使用死刑", "Moratorium on the use of the death penalty"),
      ("保护移民", "Protection of migrants")]),
    (19, "可持续发展", "Sustainable development",
     [("保护全球气候", "Protection of global climate"),
      ("减少灾害风险", "Disaster risk reduction")]),
]

VERBS_PP = [("回顾", "Recalling"), ("重申", "Reaffirming"), ("又回顾", "Recalling also"),
            ("注意到", "Noting"), ("欢迎", "Welcoming"), ("铭记", "Bearing in mind")]
VERBS_OP = [("吁请", "Calls upon"), ("敦促", "Urges"), ("鼓励", "Encourages"),
            ("邀请", "Invites"), ("请", "Requests")]

FILLER_PP = [
    ("认识到会员国之间加强协调与合作的重要性，以便防止和打击有关罪行",
     "Recognizing the importance of strengthened coordination and cooperation among Member States"),
    ("关切新的和不断发展的信息和通信技术被滥用实施有关罪行",
     "Concerned that new and evolving information and communications technologies are misused"),
    ("强调必须加强向请求国提供技术援助，以改进国家立法",
     "Stressing the need to strengthen technical assistance to requesting States"),
    ("确认父母、学校、民间社会和社区在这方面各自发挥的重要作用",
     "Acknowledging the important role of parents, schools, civil society and communities"),
]
FILLER_OP = [
    ("会员国交流最佳做法，包括举报机制，并提高公众认识",
     "Member States to exchange best practices, including reporting mechanisms"),
    ("联合国毒品和犯罪问题办公室继续提供技术援助和能力建设",
     "the United Nations Office on Drugs and Crime to continue to provide technical assistance"),
    ("会员国和其他捐助方按照联合国的规则和程序提供预算外资源",
     "Member States and other donors to provide extrabudgetary resources"),
    ("秘书长向大会下一届会议提交关于本决议执行情况的报告",
     "the Secretary-General to submit a report on the implementation of the present resolution"),
]

# Paragraphs for --bytes: longer, citing nothing, but with what makes a
# scanner stop and look (numbers, years, capitalised names, "Convention" and
# "resolution" as plain words, quotation marks). Preambular, then operative.
PADDING_PP = [
    ("深为关切全世界估计有1.5亿名儿童遭受某种形式的暴力，其中多数人从未得到任何支助或保护，"
     "又深为关切2018年报告的案件数目比2010年增加了三倍以上",
     "Deeply concerned that an estimated 150 million children worldwide suffer some form of "
     "violence, most of whom never receive any support or protection, and that the number of "
     "cases reported in 2018 was more than three times that of 2010"),
    ("确认联合国系统各实体，特别是联合国儿童基金会、世界卫生组织和国际电信联盟，"
     "在其各自任务范围内开展的工作，并期待各方在第二十届会议之前加强协作",
     "Acknowledging the work carried out by the entities of the United Nations system, in "
     "particular the United Nations Children's Fund, the World Health Organization and the "
     "International Telecommunication Union, within their respective mandates"),
    ("强调各国有责任根据本国法律和适用的国际法，包括有关公约和议定书，"
     "调查、起诉和惩处犯罪人，并为受害者提供有效补救",
     "Stressing that States have the responsibility, under their national law and applicable "
     "international law, including the relevant conventions and protocols, to investigate, "
     "prosecute and punish perpetrators and to provide victims with effective remedies"),
    ("注意到秘书长的报告以及各会员国在“加强合作”专题讨论会上所作的发言，"
     "该讨论会于2019年4月在维也纳举行，有来自80多个国家的专家与会",
     "Taking note of the report of the Secretary-General and of the statements made by Member "
     "States at the thematic discussion on \u201cstrengthening cooperation\u201d, held in Vienna "
     "in April 2019 with experts from more than 80 countries"),
]
PADDING_OP = [
    ("鼓励会员国酌情考虑采取立法、行政、社会和教育措施，包括开展宣传运动和为教师、"
     "执法人员、检察官和法官提供专门培训，以预防和应对一切形式的剥削和虐待",
     "Encourages Member States to consider, as appropriate, legislative, administrative, social "
     "and educational measures, including awareness-raising campaigns and specialized training "
     "for teachers, law enforcement officers, prosecutors and judges, to prevent and respond to "
     "all forms of exploitation and abuse"),
    ("决定在第七十六届会议临时议程题为“预防犯罪和刑事司法”的项目下列入题为"
     "“加强国际合作”的分项，并请秘书长在第六届会议上提出建议",
     "Decides to include in the provisional agenda of its next session, under the item entitled "
     "\u201cCrime prevention and criminal justice\u201d, the sub-item entitled \u201cStrengthening "
     "international cooperation\u201d, and requests the Secretary-General to make "
     "recommendations at that session"),
]


def zh_number(n):
    """Chinese numeral for 1..99 (session numbers)."""
    tens, ones = divmod(n, 10)
    s = ""
    if tens:
        s += ("" if tens == 1 else ZH_DIGITS[tens]) + "十"
    if ones:
        s += ZH_DIGITS[ones]
    return s


ONES = ["", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"]
ORD_ONES = ["", "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth",
            "ninth"]
TENS = ["", "ten", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
ORD_TENS = ["", "tenth", "twentieth", "thirtieth", "fortieth", "fiftieth", "sixtieth",
            "seventieth", "eightieth", "ninetieth"]
TEENS = ["tenth", "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth",
         "seventeenth", "eighteenth", "nineteenth"]


def en_ordinal(n):
    """"Seventy-sixth" for 76 (1..99), as in "Seventy-sixth session"."""
    tens, ones = divmod(n, 10)
    if tens == 1:
        w = TEENS[ones]
    elif ones == 0:
        w = ORD_TENS[tens]
    else:
        w = (TENS[tens] + "-" if tens else "") + ORD_ONES[ones]
    return w[0].upper() + w[1:]


def zh_date(d):
    y, m, day = d
    return f"{y}年{m}月{day}日"


def en_date(d):
    y, m, day = d
    return f"{day} {MONTHS_EN[m - 1]} {y}"


def load_catalog(path):
    rows = []
    with open(path, newline="", encoding="utf-8") as f:
        for r in csv.DictReader(f):
            if r["title_zh"] and r["title_en"] and r["kind"] in (
                    "convention", "protocol", "covenant", "declaration", "charter",
                    "other_instrument"):
                rows.append(r)
    return rows


class Resolution:
    def __init__(self, session, number, agenda, subject, date, committee):
        self.session = session
        self.number = number
        self.agenda = agenda
        self.subject = subject
        self.date = date
        self.committee = committee
        self.report = f"A/{session}/{400 + (number % 60)}"
        self.symbol = f"A/RES/{session}/{number}"


def plan(args, rnd):
    """The resolutions and who cites whom, before any text is written."""
    docs = []
    per_session = max(1, args.n // args.sessions + (1 if args.n % args.sessions else 0))
    numbers = {}
    for i in range(args.n):
        session = args.first_session + min(i // per_session, args.sessions - 1)
        agenda = AGENDA[rnd.randrange(len(AGENDA))]
        subject = agenda[3][rnd.randrange(len(agenda[3]))]
        used = numbers.setdefault(session, set())
        # Numbers 100..299 as in a real session, more when a session holds
        # more resolutions than that (at most half the range is ever used,
        # so a free number is found quickly).
        hi = max(300, 100 + 2 * per_session)
        number = rnd.randrange(100, hi)
        while number in used:
            number = rnd.randrange(100, hi)
        used.add(number)
        date = (1945 + session, 12, rnd.randrange(10, 23))
        committee = COMMITTEES[rnd.randrange(len(COMMITTEES))]
        docs.append(Resolution(session, number, agenda, subject, date, committee))
    return docs


class Earlier:
    """The resolutions of earlier sessions, overall and per agenda item, as
    prefixes of session-sorted lists (linear time for the whole corpus)."""

    def __init__(self, docs):
        self.all = sorted(docs, key=lambda d: d.session)
        self.sessions = [d.session for d in self.all]
        self.by_item = {}
        for d in self.all:
            self.by_item.setdefault(d.agenda[0], []).append(d)
        self.item_sessions = {k: [d.session for d in v] for k, v in self.by_item.items()}

    def before(self, doc):
        """(earlier, family): sequences of the resolutions of earlier
        sessions, and of those on the same agenda item."""
        k = bisect.bisect_left(self.sessions, doc.session)
        item = doc.agenda[0]
        f = bisect.bisect_left(self.item_sessions.get(item, []), doc.session)
        return Prefix(self.all, k), Prefix(self.by_item.get(item, []), f)


class Prefix:
    def __init__(self, seq, n):
        self.seq, self.n = seq, n

    def __len__(self):
        return self.n

    def __getitem__(self, i):
        if not 0 <= i < self.n:
            raise IndexError(i)
        return self.seq[i]


def choose_citations(doc, earlier_index, catalog, cum_weights, rnd, scale=1.0):
    """About 5.6 citations, or 5.6 * scale: catalog instruments (at least one)
    and earlier resolutions, each count drawn from an exponential."""
    k_inst = min(len(catalog), 1 + int(rnd.expovariate(1 / (2.5 * scale))))
    inst = []
    while len(inst) < k_inst:
        r = rnd.choices(catalog, cum_weights=cum_weights)[0]
        if r not in inst:
            inst.append(r)
    earlier, family = earlier_index.before(doc)
    k_res = min(len(earlier), int(rnd.expovariate(1 / (2.5 * scale))))
    res = []
    for _ in range(k_res * 3):
        if len(res) >= k_res:
            break
        pool = family if len(family) and rnd.random() < 0.8 else earlier
        d = pool[rnd.randrange(len(pool))]
        if d not in res:
            res.append(d)
    res.sort(key=lambda d: (-d.session, d.number))
    return inst, res


class Writer:
    """Paragraphs with footnote markers; footnotes follow their paragraph."""

    def __init__(self, lang):
        self.lang = lang
        self.lines = []
        self.fn = 0
        self.last_unts = False
        self.fn_of = {}
        self.notes = []

    def end(self):
        if self.notes:
            self.lines += ["__________________", ""]
            for n in self.notes:
                self.lines += [n, ""]

    def marker(self, inst):
        """A footnote marker for a treaty's first citation (its Treaty Series
        reference); later citations repeat the same marker."""
        if not inst["unts_volume"] or not inst["unts_number"]:
            return "", None
        if inst["id"] in self.fn_of:
            return self.fn_of[inst["id"]], None
        self.fn += 1
        # Chinese prints superscript markers; the English PDF text layer
        # plain digits, the footnote line starting with the number.
        m = str(self.fn).translate(SUP) if self.lang == "zh" else str(self.fn)
        self.fn_of[inst["id"]] = m
        vol, num = inst["unts_volume"], inst["unts_number"]
        if self.lang == "zh":
            head = "同上" if self.last_unts else "联合国，《条约汇编》"
            note = f"{m} {head}，第 {vol} 卷，第 {num} 号。"
        else:
            head = "Ibid.," if self.last_unts else "United Nations, Treaty Series,"
            note = f"{m}  {head} vol. {vol}, No. {num}."
        self.last_unts = True
        return m, note

    def para(self, text, notes):
        self.lines.append(text)
        self.lines.append("")
        if self.lang != "zh":
            # The English text layer has the notes at the foot of the page,
            # under a rule: here all on the last page (see end()).
            self.notes += notes
            return
        for n in notes:
            self.lines.append(n)
            self.lines.append("")


def inst_ref(w, inst):
    m, note = w.marker(inst)
    if w.lang == "zh":
        return f"《{inst['title_zh']}》{m}", note
    return f"the {inst['title_en']}{m}", note


def res_ref(lang, d, first):
    if lang == "zh":
        return f"{zh_date(d.date)}关于{d.subject[0]}的第 {d.session}/{d.number} 号决议"
    word = "its resolution" if first else "resolution"
    return f"{word} {d.session}/{d.number} of {en_date(d.date)} on {d.subject[1].lower()}"


def write_doc(doc, inst, res, lang, rnd, size=0):
    w = Writer(lang)
    zh = lang == "zh"
    a = doc.agenda
    if zh:
        header = [f"第{zh_number(doc.session)}届会议", "", f"议程项目 {a[0]}", "", a[1], "",
                  f"{zh_date(doc.date)}大会决议", "",
                  f"[根据{doc.committee[0]}的报告({doc.report})通过]", "",
                  f"{doc.session}/{doc.number}. {doc.subject[0]}", "", "大会，", ""]
    else:
        header = [f"{en_ordinal(doc.session)} session", f"Agenda item {a[0]}", a[2], "",
                  "Resolution adopted by the General Assembly", f"on {en_date(doc.date)}",
                  f"[on the report of the {doc.committee[1]} ({doc.report})]", "",
                  f"{doc.session}/{doc.number}. {doc.subject[1]}", "", "The General Assembly,", ""]
    w.lines.extend(header)

    # Preamble: resolutions recalled together, instruments one or two per
    # paragraph, filler between.
    pp = []
    if res:
        refs = [res_ref(lang, d, i == 0) for i, d in enumerate(res)]
        if zh:
            body = "、".join(refs[:-1]) + ("和" if len(refs) > 1 else "") + refs[-1]
            pp.append((f"回顾其{body}，", []))
        else:
            body = ", ".join(refs[:-1]) + (" and " if len(refs) > 1 else "") + refs[-1]
            pp.append((f"Recalling {body},", []))
    pp_inst = inst[: max(1, (len(inst) + 1) // 2)]
    op_inst = inst[len(pp_inst):]
    for i, r in enumerate(pp_inst):
        verb = VERBS_PP[rnd.randrange(len(VERBS_PP))]
        ref, note = inst_ref(w, r)
        if zh:
            pp.append((f"{verb[0]}{ref}，", [note] if note else []))
        else:
            pp.append((f"{verb[1]} {ref},", [note] if note else []))
    for i in range(rnd.randrange(1, 4)):
        f = FILLER_PP[rnd.randrange(len(FILLER_PP))]
        pp.insert(rnd.randrange(len(pp) + 1), (f[0] + "，" if zh else f[1] + ",", []))
    # --bytes: paragraphs citing nothing, until the text is about `size`
    # bytes; preambular ones before the operative part, operative ones in it.
    if size:
        have = sum(len(t.encode()) + 2 for t, _ in pp) + 600
        pad_pp, pad_op = [], []
        while have < size:
            pad = pad_pp if len(pad_pp) <= len(pad_op) else pad_op
            pool = PADDING_PP if pad is pad_pp else PADDING_OP
            f = pool[rnd.randrange(len(pool))]
            text = f[0] + "，" if zh else f[1] + ","
            pad.append(text)
            have += len(text.encode()) + 2
        for text in pad_pp:
            pp.insert(rnd.randrange(len(pp) + 1), (text, []))
    else:
        pad_op = []
    for text, notes in pp:
        w.para(text, notes)

    # Operative paragraphs.
    ops = []
    for r in op_inst:
        ref, note = inst_ref(w, r)
        if zh:
            ops.append((f"吁请尚未批准或加入{ref}的国家考虑批准或加入；", [note] if note else []))
        else:
            ops.append((f"Calls upon States that have not yet done so to consider ratifying {ref};",
                        [note] if note else []))
    for i in range(rnd.randrange(2, 6)):
        v = VERBS_OP[rnd.randrange(len(VERBS_OP))]
        f = FILLER_OP[rnd.randrange(len(FILLER_OP))]
        ops.append((f"{v[0]}{f[0]}；" if zh else f"{v[1]} {f[1]};", []))
    for text in pad_op:
        ops.insert(rnd.randrange(len(ops) + 1), (text[:-1] + ("；" if zh else ";"), []))
    for i, (text, notes) in enumerate(ops, 1):
        if i == len(ops):
            text = text[:-1] + ("。" if zh else ".")
        w.para(f"{i}. {text}", notes)

    meeting = 40 + doc.number % 20
    if zh:
        w.lines += [zh_date(doc.date), f"第{meeting}次全体会议", ""]
    else:
        w.lines += [f"{meeting}th plenary meeting", en_date(doc.date), ""]
        w.end()
    return "\n".join(w.lines)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("-n", type=int, default=10, help="number of resolutions")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("-o", "--output", required=True, help="directory to write")
    ap.add_argument("--lang", choices=("zh", "en"), default="zh")
    ap.add_argument("--first-session", type=int, default=70)
    ap.add_argument("--sessions", type=int, default=5, help="sessions the resolutions spread over")
    ap.add_argument("--catalog", default=os.path.join(os.path.dirname(__file__), "..",
                                                      "datasets", "instruments.csv"))
    ap.add_argument("--manifest", help="write the planned citations (JSON Lines) here")
    ap.add_argument("--cites", type=float, default=5.6,
                    help="mean citations per resolution (default 5.6; real ones: 10 to 20)")
    ap.add_argument("--bytes", type=int, default=0, metavar="SIZE",
                    help="pad each resolution to about SIZE bytes with paragraphs citing nothing")
    ap.add_argument("--known", action="append", default=[], metavar="S/N:YYYY-MM-DD:ITEM:ZH:EN",
                    help="an existing resolution the generated ones may cite (not written), "
                         "e.g. 74/174:2019-12-18:106:打击网上儿童性剥削和性虐待:Countering child "
                         "sexual exploitation and sexual abuse online")
    args = ap.parse_args()
    if args.n < 1 or args.sessions < 1 or not 1 <= args.first_session <= 99 - args.sessions:
        ap.error("need n >= 1, sessions >= 1 and sessions within 1..99")
    if not 1 <= args.cites <= 200 or args.bytes < 0:
        ap.error("need --cites within 1..200 and --bytes >= 0")

    rnd = random.Random(args.seed)
    catalog = load_catalog(args.catalog)
    # Zipf-like popularity over a fixed shuffle of the catalog.
    order = sorted(catalog, key=lambda r: r["id"])
    random.Random(args.seed * 7919 + 1).shuffle(order)
    weights = [1.0 / (i + 1) for i in range(len(order))]
    docs = plan(args, rnd)
    known = []
    for k in args.known:
        try:
            num, date, item, zh, en = k.split(":", 4)
            session, number = (int(x) for x in num.split("/"))
            y, m, d = (int(x) for x in date.split("-"))
            agenda = next(a for a in AGENDA if a[0] == int(item))
        except (ValueError, StopIteration):
            ap.error(f"--known {k!r}: want S/N:YYYY-MM-DD:ITEM:ZH:EN with a known agenda item")
        r = Resolution(session, number, agenda, (zh, en), (y, m, d), COMMITTEES[0])
        known.append(r)
    os.makedirs(args.output, exist_ok=True)
    manifest = open(args.manifest, "w", encoding="utf-8") if args.manifest else None
    earlier = Earlier(known + docs)
    # Cumulative weights once, not per draw.
    cum = list(itertools.accumulate(weights))
    for doc in docs:
        inst, res = choose_citations(doc, earlier, order, cum, rnd, args.cites / 5.6)
        text = write_doc(doc, inst, res, args.lang, rnd, args.bytes)
        name = f"A_RES_{doc.session}_{doc.number}.{args.lang}.txt"
        with open(os.path.join(args.output, name), "w", encoding="utf-8", newline="\n") as f:
            f.write(text)
        if manifest:
            cited = sorted({r["title_en"] for r in inst} | {d.symbol for d in res} | {doc.report})
            manifest.write(json.dumps({"symbol": doc.symbol, "file": name, "cites": cited},
                                      ensure_ascii=False) + "\n")
    if manifest:
        manifest.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
