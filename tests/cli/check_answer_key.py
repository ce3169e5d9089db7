#!/usr/bin/python3
"""Checks `instcite extract --format jsonl` on one document against an answer
key (tests/answer-keys/*.tsv: where, kind, key, number, date, footnote, unts,
surface), strictly: every key row matched one-to-one by (where, identity),
nothing extra, the same kind, number, date, footnote and Treaty Series
reference, and the mention's input bytes start..end equal to the surface.
Optionally requires a warning record (--warning CODE:WHERE), and that
another document (the same resolution in another language) yields exactly
the same set of identities (--same-identities OTHER_INPUT). --no-surfaces
skips the surface comparison: the English key writes its surfaces with line
breaks removed and with other extents (the brackets of the report line, the
whole Official Records footnote); mention offsets are still checked against
the mention's text.

Usage: check_answer_key.py INSTCITE INPUT KEY.tsv [--no-surfaces]
           [--warning CODE:WHERE]... [--same-identities OTHER_INPUT]
Prints "N passed, N failed" (one check per key row, warning and identity set).
"""
import json
import subprocess
import sys


def norm(s):
    s = (s or "").strip().casefold()
    if s.startswith("the "):
        s = s[4:]
    return " ".join(s.split())


def read_key(path):
    rows, header = [], None
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if not line or line.startswith("#"):
                continue
            cells = line.split("\t")
            if header is None:
                header = cells
                continue
            cells += [""] * (len(header) - len(cells))
            rows.append(dict(zip(header, cells)))
    return rows


def extract(binary, path):
    out = subprocess.run([binary, "extract", "--format", "jsonl", path],
                         capture_output=True, check=True).stdout
    return [json.loads(line) for line in out.decode("utf-8").splitlines()]


def main():
    binary, inp, key_path = sys.argv[1:4]
    rest = sys.argv[4:]
    surfaces = "--no-surfaces" not in rest
    warnings = [rest[i + 1].split(":", 1) for i, a in enumerate(rest) if a == "--warning"]
    others = [rest[i + 1] for i, a in enumerate(rest) if a == "--same-identities"]
    records = extract(binary, inp)
    mentions = [r for r in records if r["type"] == "mention"]
    raw = open(inp, "rb").read()
    passed = failed = 0
    unmatched = list(range(len(mentions)))
    for row in read_key(key_path):
        hit = None
        for j in unmatched:
            m = mentions[j]
            ids = {norm(m.get(k)) for k in ("key", "title_en", "symbol") if m.get(k)}
            if m["where"] == row["where"] and norm(row["key"]) in ids:
                hit = j
                break
        problems = []
        if hit is None:
            problems.append("missing")
        else:
            unmatched.remove(hit)
            m = mentions[hit]
            for field in ("kind", "number", "date", "footnote", "unts"):
                if (m.get(field) or "") != row[field]:
                    problems.append(f"{field} {m.get(field)!r} != {row[field]!r}")
            surface = raw[m["start"]:m["end"]].decode("utf-8")
            if surface != m["text"]:
                problems.append(f"text {m['text']!r} is not the input bytes {surface!r}")
            if surfaces and surface != row["surface"]:
                problems.append(f"surface {surface!r} != {row['surface']!r}")
        if problems:
            failed += 1
            print(f"FAIL {row['where']} {row['key']}: " + "; ".join(problems))
        else:
            passed += 1
    for j in unmatched:
        failed += 1
        print(f"FAIL extra mention {mentions[j]['where']} {mentions[j]['key']}")
    for code, where in warnings:
        if any(r["type"] == "warning" and r["code"] == code and r["where"] == where for r in records):
            passed += 1
        else:
            failed += 1
            print(f"FAIL no {code} warning at {where}")
    ids = {m["key"] for m in mentions}
    for other in others:
        theirs = {r["key"] for r in extract(binary, other) if r["type"] == "mention"}
        if theirs == ids:
            passed += 1
        else:
            failed += 1
            print(f"FAIL identities differ from {other}: only here {sorted(ids - theirs)}, "
                  f"only there {sorted(theirs - ids)}")
    print(f"{passed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
