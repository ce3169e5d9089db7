#!/usr/bin/env python3
"""Build datasets/instruments.csv from the reference facts table.

Provenance
----------
The single input is shared/reference/instruments-facts.tsv: one row per
instrument, with its titles in the six UN languages, adoption facts, Treaty
Series (UNTS) registration and, for every title and fact, how it is known:
"sourced:<ref>" / "S(<ref>)" when a cited source was read, "recalled" / "R"
when it was written from memory and not checked.  The sources column names
the references (their keys are explained in
shared/reference/un-citation-conventions.md).

The output, datasets/instruments.csv, is committed and embedded in the
library at build time (src/catalog/meson.build).  The build never runs this
script; it exists so that the CSV can be regenerated and audited.  Running
it twice on the same input gives the same bytes: rows are sorted by id, the
CSV dialect is fixed (minimal quoting, "\\n" line ends, UTF-8).

Derived columns (everything else is copied):
  kind        from the first head noun of the English title ("Optional
              Protocol"/"Protocol" -> protocol, "Covenant" -> covenant,
              "Charter", "Declaration", "Agreement", "Convention"/"Treaty"/
              "Statute" -> convention; nothing -> other_instrument).
  parent,     for protocols only: the non-protocol row whose English title
  relation    appears in the protocol's title (longest wins), or whose title
              is the protocol's with "Protocol" replaced by "Convention".
              relation = optional_protocol_to | supplements | protocol_to.
              Protocols left unresolved are reported on stderr.
  aliases     the TSV short name unless it is a common word or equal to a
              title, plus variants the notes column says to accept.
  confidence  "<overall>; titles <lang>:S|R ...; facts <fact>:S|R ..." where
              overall is sourced (every cell sourced), recalled (none) or
              partial.  Recalled cells stay provisional: nothing is upgraded.

Hand-written aliases
--------------------
datasets/aliases-extra.csv (columns id, lang, alias, form, basis) adds the
forms running text uses that no fact-sheet title gives: Russian titles
inflected for case ("Конвенцию о правах ребенка"), Arabic titles with a
joined preposition and article ("للإعلان العالمي …"). They are appended to the
aliases of their row, after the derived ones, in file order; the basis column
says how each is known (all of them are R: inflections written by hand, not
seen in a document). A row naming an unknown id is an error.

Usage: scripts/make_catalog.py [FACTS_TSV [OUT_CSV [EXTRA_ALIASES_CSV]]]
"""

import csv
import io
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
DEFAULT_IN = os.path.join(HERE, '..', '..', 'shared', 'reference', 'instruments-facts.tsv')
DEFAULT_OUT = os.path.join(HERE, '..', 'datasets', 'instruments.csv')
DEFAULT_EXTRA = os.path.join(HERE, '..', 'datasets', 'aliases-extra.csv')

COLUMNS = ['id', 'kind', 'title_en', 'title_fr', 'title_es', 'title_ru', 'title_zh',
           'title_ar', 'aliases', 'date', 'adopted_by', 'unts_volume', 'unts_number',
           'parent', 'relation', 'confidence', 'source']

LANGS = ['fr', 'es', 'ru', 'zh', 'ar']

# Head nouns of English titles; the first one that occurs in the title decides.
HEAD_NOUNS = {
    'Protocol': 'protocol',
    'Covenant': 'covenant',
    'Charter': 'charter',
    'Declaration': 'declaration',
    'Agreement': 'agreement',
    'Convention': 'convention',
    'Conventions': 'convention',
    'Treaty': 'convention',
    'Statute': 'convention',
}

# Short names that are ordinary words: as aliases they would match running
# text ("the resolution cites", "cat") once case is folded. Also short names
# that other instruments share: "Doha Declaration" is as often the 2001 Doha
# Declaration on the TRIPS Agreement and Public Health (A/RES/73/3) as the
# Crime Congress declaration.
COMMON_WORD_ALIASES = {'CAT', 'CITES', 'Doha Declaration'}


def kind_of(title):
    for word in re.findall(r"[A-Za-z]+", title):
        if word in HEAD_NOUNS:
            return HEAD_NOUNS[word]
    return 'other_instrument'


def strip_parens(text):
    """Removes balanced (...) groups, which hold source details."""
    out, depth = [], 0
    for ch in text:
        if ch == '(':
            depth += 1
        elif ch == ')':
            depth = max(depth - 1, 0)
        elif depth == 0:
            out.append(ch)
    return ''.join(out)


def conf_letter(cell):
    if cell.startswith('sourced'):
        return 'S'
    if cell.startswith('recalled'):
        return 'R'
    return '?'


def confidence_of(row):
    titles = []
    for lang in LANGS:
        if row[lang + '_title']:
            titles.append('%s:%s' % (lang, conf_letter(row[lang + '_conf'])))
    facts = ['%s:%s' % m for m in re.findall(r'([A-Za-z]+):([SR])', strip_parens(row['facts_conf']))]
    letters = [t[-1] for t in titles + facts]
    if letters and all(c == 'S' for c in letters):
        overall = 'sourced'
    elif any(c == 'S' for c in letters):
        overall = 'partial'
    else:
        overall = 'recalled'
    parts = [overall]
    if titles:
        parts.append('titles ' + ' '.join(titles))
    if facts:
        parts.append('facts ' + ' '.join(facts))
    return '; '.join(parts)


def note_aliases(notes):
    """Variants the notes column explicitly says to accept."""
    found = []
    m = re.search(r'Chinese variant to accept: (\S+?)[ (\[]', notes)
    if m:
        found.append(m.group(1))
    # "...; 经济社会文化权利国际公约 also seen [...]"
    found += re.findall(r'([\u4e00-\u9fff]+) also seen', notes)
    m = re.search(r'Short forms: (.*)', notes)
    if m:
        # Quoted forms are each followed by a parenthesised source; a quote
        # inside a form ("à l'horizon") is not followed by " (".
        found += re.findall(r"'(.+?)' \(", m.group(1))
    m = re.search(r'Full English title: ([^.]+)\.', notes)
    if m:
        found.append(m.group(1))
    return found


def fold(s):
    """Rough Python twin of catalog_fold, used only to drop duplicate aliases."""
    return ''.join(ch.lower() for ch in s if ch.isalnum())


def read_extra_aliases(path, ids):
    """id -> hand-written aliases (datasets/aliases-extra.csv), in file order."""
    extra = {}
    if not os.path.exists(path):
        return extra
    with open(path, encoding='utf-8', newline='') as f:
        for rec in csv.DictReader(f):
            if rec['id'] not in ids:
                raise SystemExit('make_catalog: %s: unknown id %r' % (path, rec['id']))
            extra.setdefault(rec['id'], []).append(rec['alias'])
    return extra


def aliases_of(row, extra=()):
    titles = {fold(row['en_title'])} | {fold(row[l + '_title']) for l in LANGS}
    out, seen = [], set()
    short = re.sub(r'\s*\([^)]*Congress\)$', '', row['short_name']).strip()
    candidates = [] if short in COMMON_WORD_ALIASES else [short]
    candidates += note_aliases(row['notes'])
    candidates += list(extra)
    for a in candidates:
        a = a.strip()
        if not a or '|' in a or fold(a) in titles or fold(a) in seen:
            continue
        seen.add(fold(a))
        out.append(a)
    return '|'.join(out)


def derive_parents(rows):
    """Sets parent/relation on protocol rows; returns the unresolved ids."""
    by_title = {r['en_title']: r['key'] for r in rows if r['kind'] != 'protocol'}
    unresolved = []
    for r in rows:
        r['parent'] = r['relation'] = ''
        if r['kind'] != 'protocol':
            continue
        title = r['en_title']
        best = ''
        for t in by_title:
            if t != title and t in title and len(t) > len(best):
                best = t
        if not best:
            swapped = title.replace('Protocol', 'Convention', 1)
            if swapped in by_title:
                best = swapped
        if not best:
            unresolved.append(r['key'])
            continue
        r['parent'] = by_title[best]
        if 'Optional Protocol' in title:
            r['relation'] = 'optional_protocol_to'
        elif 'supplementing the ' + best in title:
            r['relation'] = 'supplements'
        else:
            r['relation'] = 'protocol_to'
    return unresolved


def main(argv):
    src = argv[1] if len(argv) > 1 else DEFAULT_IN
    dst = argv[2] if len(argv) > 2 else DEFAULT_OUT
    extra_path = argv[3] if len(argv) > 3 else DEFAULT_EXTRA
    with open(src, encoding='utf-8', newline='') as f:
        rows = list(csv.DictReader(f, delimiter='\t', quoting=csv.QUOTE_NONE))
    for r in rows:
        r['kind'] = kind_of(r['en_title'])
    unresolved = derive_parents(rows)
    extra = read_extra_aliases(extra_path, {r['key'] for r in rows})
    for key in unresolved:
        print('make_catalog: %s: protocol parent not resolved from its title' % key,
              file=sys.stderr)

    buf = io.StringIO()
    w = csv.writer(buf, lineterminator='\n', quoting=csv.QUOTE_MINIMAL)
    w.writerow(COLUMNS)
    for r in sorted(rows, key=lambda r: r['key']):
        w.writerow([
            r['key'], r['kind'], r['en_title'], r['fr_title'], r['es_title'],
            r['ru_title'], r['zh_title'], r['ar_title'], aliases_of(r, extra.get(r['key'], ())), r['date'],
            r['adopting_symbol'], r['unts_vol'], r['unts_reg_no'], r['parent'],
            r['relation'], confidence_of(r), r['sources'],
        ])
    with open(dst, 'w', encoding='utf-8', newline='') as f:
        f.write(buf.getvalue())
    return 0


if __name__ == '__main__':
    sys.exit(main(sys.argv))
