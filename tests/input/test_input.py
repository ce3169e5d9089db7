#!/usr/bin/env python3
"""The instcite command on the input-format fixtures (make_fixtures.py):

  - PDF, DOCX and HTML are found by content, whatever the file is called
    (and on standard input), and say so in the document record ("source");
  - an image-only PDF, a password-protected PDF and a zip that is no Word
    document each give one error line naming the file and the reason, and
    exit status 1; the other inputs of the same run are still processed;
  - `instcite text FILE` prints the text layer the offsets refer to;
  - a damaged PDF fails or reads, but never crashes.

usage: test_input.py INSTCITE MAKE_FIXTURES
"""
import json
import os
import shutil
import subprocess
import sys
import tempfile

INSTCITE, MAKE = sys.argv[1], sys.argv[2]
failures = 0
passed = 0


def check(ok, what):
    global failures, passed
    if ok:
        passed += 1
        print("ok   " + what)
    else:
        failures += 1
        print("FAIL " + what)


def run(args, stdin=None):
    r = subprocess.run([INSTCITE] + args, input=stdin, capture_output=True, timeout=120)
    return r.returncode, r.stdout.decode("utf-8", "replace"), r.stderr.decode("utf-8", "replace")


def records(out):
    return [json.loads(line) for line in out.splitlines() if line.strip()]


with tempfile.TemporaryDirectory() as tmp:
    subprocess.run([sys.executable, MAKE, tmp], check=True)
    f = lambda name: os.path.join(tmp, name)

    # Found by content: misleading names, and standard input.
    shutil.copy(f("resolution.pdf"), f("pdf-named.txt"))
    shutil.copy(f("resolution.docx"), f("docx-named.bin"))
    shutil.copy(f("resolution.html"), f("html-named.txt"))
    for name, source in [("resolution.pdf", "pdf"), ("resolution.docx", "docx"),
                         ("resolution.html", "html"), ("pdf-named.txt", "pdf"),
                         ("docx-named.bin", "docx"), ("html-named.txt", "html")]:
        rc, out, err = run(["extract", "-f", "jsonl", f(name)])
        recs = records(out) if rc == 0 else []
        doc = recs[0] if recs else {}
        mentions = [r for r in recs if r.get("type") == "mention"]
        check(rc == 0 and doc.get("source") == source and doc.get("symbol") == "A/RES/99/1"
              and len(mentions) == 6 and err == "",
              "%s is read as %s (%d mentions)" % (name, source, len(mentions)))
        fns = {(m["where"], m["key"].split(" on the")[0]): (m.get("footnote"), m.get("unts"))
               for m in mentions}
        check(fns.get(("PP3", "Optional Protocol to the Convention")) == ("4", "2171/27531")
              and fns.get(("PP2", "International Covenant on Civil and Political Rights")) == ("3", "999/14668")
              and fns.get(("PP1", "A/RES/74/174")) == ("2", None),
              "%s: footnotes 2, 3 and 4 attached, the title across the page break whole" % name)
    for name, source in [("resolution.pdf", "pdf"), ("resolution.docx", "docx")]:
        with open(f(name), "rb") as fh:
            rc, out, err = run(["extract", "-f", "jsonl", "-"], stdin=fh.read())
        recs = records(out) if rc == 0 else []
        check(rc == 0 and recs and recs[0].get("source") == source, "%s on standard input" % name)

    # Offsets: the bytes of `instcite text FILE` between start and end are
    # each mention's text.
    for name in ["resolution.pdf", "resolution.docx", "resolution.html"]:
        rc, out, err = run(["extract", "-f", "jsonl", f(name)])
        r = subprocess.run([INSTCITE, "text", f(name)], capture_output=True, timeout=60)
        layer = r.stdout
        mentions = [m for m in records(out) if m.get("type") == "mention"]
        bad = [m for m in mentions
               if layer[m["start"]:m["end"]].decode("utf-8", "replace") != m["text"]]
        check(r.returncode == 0 and mentions and not bad,
              "%s: mention offsets index `instcite text` (%d bad)" % (name, len(bad)))
    rc, out, err = run(["text", f("encrypted.pdf")])
    check(rc == 1 and out == "" and len(err.splitlines()) == 1 and "password" in err,
          "instcite text on an encrypted PDF: one error line, status 1")

    # Text stays text: no "source" field, offsets in the file.
    with open(f("plain.txt"), "w", encoding="utf-8") as fh:
        fh.write("Recalling the Convention on the Rights of the Child,\n")
    rc, out, err = run(["extract", "-f", "jsonl", "-l", "en", f("plain.txt")])
    check(rc == 0 and "source" not in records(out)[0], "plain text has no source field")

    # Documents instcite cannot read: one line each, status 1.
    for name, words in [("image-only.pdf", "no text"), ("encrypted.pdf", "password"),
                        ("not-a-docx.zip", "not a Word")]:
        rc, out, err = run(["extract", "-f", "jsonl", f(name)])
        lines = err.splitlines()
        check(rc == 1 and len(lines) == 2 and lines[0].startswith("instcite: " + f(name) + ": ")
              and words in lines[0] and lines[1] == "instcite: 1 of 1 files failed" and out == "",
              "%s: one error line (%r), status %d" % (name, lines[0] if lines else "", rc))
    # Formats instcite does not read say what they are and what to do.
    with open(f("old.doc"), "wb") as fh:
        fh.write(bytes.fromhex("D0CF11E0A1B11AE1") + bytes(504))
    with open(f("res.rtf"), "w") as fh:
        fh.write("{\\rtf1\\ansi Recalling the Convention on the Rights of the Child,}\n")
    import zipfile
    with zipfile.ZipFile(f("res.odt"), "w") as z:
        z.writestr("mimetype", "application/vnd.oasis.opendocument.text")
        z.writestr("content.xml", "<office:document-content/>")
    for name, words in [("old.doc", "Word 97-2003"), ("res.rtf", "RTF"), ("res.odt", "OpenDocument")]:
        rc, out, err = run(["extract", "-f", "jsonl", f(name)])
        lines = err.splitlines()
        check(rc == 1 and len(lines) == 2 and words in lines[0] and "save it as" in lines[0],
              "%s: %r, status %d" % (name, lines[0] if lines else "", rc))
    rc, out, err = run(["extract", "-f", "jsonl", f("encrypted.pdf"), f("resolution.pdf")])
    check(rc == 1 and len([r for r in records(out) if r.get("type") == "document"]) == 1
          and "1 of 2 files failed" in err,
          "an encrypted PDF costs only itself")

    # More footnotes than a printed page holds: a .docx with 300 (the text
    # layer starts a page and the rule again every 100), each attached.
    import zipfile
    w = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    body = "".join('<w:p><w:r><w:t>Recalling its resolution 70/%d,</w:t></w:r>'
                   '<w:r><w:footnoteReference w:id="%d"/></w:r></w:p>' % (i + 1, i + 10)
                   for i in range(300))
    notes = "".join('<w:footnote w:id="%d"><w:p><w:r><w:t>Note %d.</w:t></w:r></w:p></w:footnote>'
                    % (i + 10, i + 1) for i in range(300))
    with zipfile.ZipFile(f("many-notes.docx"), "w") as z:
        z.writestr("word/document.xml", '<w:document xmlns:w="%s"><w:body>%s</w:body></w:document>'
                   % (w, body))
        z.writestr("word/footnotes.xml", '<w:footnotes xmlns:w="%s">%s</w:footnotes>' % (w, notes))
    rc, out, err = run(["extract", "-f", "jsonl", "-l", "en", f("many-notes.docx")])
    recs = records(out) if rc == 0 else []
    attached = [m for m in recs if m.get("type") == "mention"
                and m.get("footnote") == m["key"].split("/")[-1]]
    check(rc == 0 and recs[0].get("footnotes") == 300 and len(attached) == 300,
          "a .docx with 300 footnotes: all read, each attached (%d)" % len(attached))

    # Endnotes: numbered with the footnotes, in order of reference (the ids
    # of a footnote and an endnote may be the same).
    body = ('<w:p><w:r><w:t>Recalling its resolution 70/1,</w:t></w:r>'
            '<w:r><w:footnoteReference w:id="2"/></w:r></w:p>'
            '<w:p><w:r><w:t>Recalling also its resolution 70/2,</w:t></w:r>'
            '<w:r><w:endnoteReference w:id="2"/></w:r></w:p>')
    with zipfile.ZipFile(f("endnotes.docx"), "w") as z:
        z.writestr("word/document.xml", '<w:document xmlns:w="%s"><w:body>%s</w:body></w:document>'
                   % (w, body))
        z.writestr("word/footnotes.xml", '<w:footnotes xmlns:w="%s"><w:footnote w:id="2"><w:p><w:r>'
                   '<w:t>A footnote.</w:t></w:r></w:p></w:footnote></w:footnotes>' % w)
        z.writestr("word/endnotes.xml", '<w:endnotes xmlns:w="%s"><w:endnote w:id="2"><w:p><w:r>'
                   '<w:t>An endnote.</w:t></w:r></w:p></w:endnote></w:endnotes>' % w)
    rc, out, err = run(["extract", "-f", "jsonl", "-l", "en", f("endnotes.docx")])
    recs = records(out) if rc == 0 else []
    fns = [(m["key"], m.get("footnote")) for m in recs if m.get("type") == "mention"]
    r = subprocess.run([INSTCITE, "text", f("endnotes.docx")], capture_output=True, timeout=60)
    check(rc == 0 and fns == [("A/RES/70/1", "1"), ("A/RES/70/2", "2")]
          and b"1 A footnote.\n" in r.stdout and b"2 An endnote.\n" in r.stdout,
          "a .docx with a footnote and an endnote: %r" % fns)

    # Damaged documents: a cut PDF, a cut .docx, garbage after the magic.
    with open(f("resolution.pdf"), "rb") as fh:
        pdf = fh.read()
    with open(f("resolution.docx"), "rb") as fh:
        docx = fh.read()
    for name, data in [("cut.pdf", pdf[: len(pdf) // 2]), ("cut.docx", docx[: len(docx) // 2]),
                       ("magic.pdf", b"%PDF-1.7\n" + bytes(range(256)) * 4),
                       ("zip-magic.docx", b"PK\x03\x04word/document.xml" + b"\0" * 64)]:
        with open(f(name), "wb") as fh:
            fh.write(data)
        rc, out, err = run(["extract", "-f", "jsonl", f(name)])
        check(rc in (0, 1) and (rc == 0 or len(err.splitlines()) == 2),
              "%s: status %d, no crash (%s)" % (name, rc, err.splitlines()[0] if err else "read"))

print("%d passed, %d failed" % (passed, failures))
sys.exit(1 if failures else 0)
