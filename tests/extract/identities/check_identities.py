#!/usr/bin/python3
"""Six languages, one identity set.

Usage: check_identities.py INSTCITE DIR

Each folder of DIR is one set: expected.tsv and one text per language
(zh.txt en.txt fr.txt es.txt ru.txt ar.txt), the same resolution-like
paragraphs in each language. Each text is extracted by the instcite binary
(language detected, not named: detection is part of what is tested) and the
set of its identities (kind, key, date, Treaty Series reference) and
relations must equal expected.tsv. Prints one line per set and language and
"N passed, N failed"; exits 1 when any text fails.
"""
import json
import os
import subprocess
import sys

LANGS = ["zh", "en", "fr", "es", "ru", "ar"]


def read_expected(path):
    want = set()
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if line and not line.startswith("#"):
                want.add(tuple(line.split("\t")))
    return want


def identities(instcite, path):
    out = subprocess.run([instcite, "extract", "-f", "jsonl", path],
                         capture_output=True, text=True, check=False)
    if out.returncode != 0:
        raise RuntimeError(out.stderr.strip() or "exit status %d" % out.returncode)
    got, lang = set(), None
    for line in out.stdout.splitlines():
        r = json.loads(line)
        if r["type"] == "document":
            lang = r.get("lang")
        elif r["type"] == "mention":
            got.add((r["kind"], r["key"], r.get("date") or "-", r.get("unts") or "-"))
        elif r["type"] == "relation":
            got.add(("relation", r["from"], r["relation"], r["to"]))
    return lang, got


def check_set(instcite, folder):
    """(passed, failed) for the six texts of one set."""
    name = os.path.basename(folder)
    want = read_expected(os.path.join(folder, "expected.tsv"))
    passed = failed = 0
    for code in LANGS:
        path = os.path.join(folder, code + ".txt")
        try:
            lang, got = identities(instcite, path)
        except (OSError, RuntimeError, ValueError) as e:
            print("FAIL %s/%s: %s" % (name, code, e))
            failed += 1
            continue
        problems = []
        if lang != code:
            problems.append("detected as %r" % lang)
        problems += ["missing  " + "\t".join(t) for t in sorted(want - got)]
        problems += ["extra    " + "\t".join(t) for t in sorted(got - want)]
        if problems:
            failed += 1
            print("FAIL %s/%s" % (name, code))
            for p in problems:
                print("    " + p)
        else:
            passed += 1
            print("ok   %s/%s: %d identities and relations" % (name, code, len(got)))
    return passed, failed


def main():
    instcite, top = sys.argv[1], sys.argv[2]
    passed = failed = 0
    sets = sorted(d for d in os.listdir(top) if os.path.isfile(os.path.join(top, d, "expected.tsv")))
    if not sets:
        print("no sets in %s" % top)
        return 1
    for d in sets:
        p, f = check_set(instcite, os.path.join(top, d))
        passed += p
        failed += f
    print("%d passed, %d failed" % (passed, failed))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
