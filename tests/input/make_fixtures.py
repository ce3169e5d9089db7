#!/usr/bin/env python3
"""Writes the input-format fixtures of tests/input (Python standard library
only), into the folder given as the first argument:

  resolution.pdf   two pages: header, a footnote marker set as a small raised
                   "1" after a comma, one glued to the word after it ("2and"),
                   a protocol title broken by the page break (its marker on
                   page 2), footnote numbers drawn apart from their texts (at
                   the end of the content stream, as UN PDFs have them), a
                   running head and page furniture on page 2, a marker
                   glued to the year before it ("20192," in the text layer)
  image-only.pdf   one page holding only an image XObject (no text layer)
  encrypted.pdf    the standard security handler (RC4, 40-bit, revision 2)
                   with a user password: unreadable without it
  resolution.docx  document.xml with footnote references and list numbering
                   (direct and through a paragraph style), footnotes.xml,
                   numbering.xml, styles.xml, the symbol in the first
                   page's header (header2.xml), a page break in a title
  resolution.html  <sup> markers, a table, a page break inside a title (as
                   Word's "save as web page" writes it), operative paragraphs
                   as an ordered list, the footnotes as one after an <hr>
  resolution-word.htm  the same as Word's "save as web page" writes it
                   (windows-1252, footnote links and MsoFootnoteReference
                   spans, conditional comments, a footnote-list div)
  not-a-docx.zip   a zip archive without word/document.xml

Every fixture is the same small resolution, A/RES/99/1, so one table of
expected mentions fits all (tests/input/test_input.py).
"""
import hashlib
import os
import struct
import sys
import zipfile
import zlib

# ---- PDF ----------------------------------------------------------------

def pdf_escape(s):
    return s.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")


class Page:
    """Content stream of one page: lines of text at a given font size;
    superscript runs are drawn smaller and raised (Ts)."""

    def __init__(self):
        self.ops = []

    def line(self, y, parts, size=10, x=72):
        """parts: strings, or ("sup", "1") for a marker."""
        ops = ["BT", "/F1 %g Tf" % size, "%g %g Td" % (x, y)]
        for p in parts:
            if isinstance(p, tuple):
                ops.append("/F1 %g Tf %g Ts (%s) Tj /F1 %g Tf 0 Ts"
                           % (size * 0.65, size * 0.35, pdf_escape(p[1]), size))
            else:
                ops.append("(%s) Tj" % pdf_escape(p))
        ops.append("ET")
        self.ops.append("\n".join(ops))

    def raw(self, op):
        self.ops.append(op)

    def stream(self):
        return ("\n".join(self.ops) + "\n").encode("latin-1")


def rc4(key, data):
    s = list(range(256))
    j = 0
    for i in range(256):
        j = (j + s[i] + key[i % len(key)]) % 256
        s[i], s[j] = s[j], s[i]
    out = bytearray()
    i = j = 0
    for b in data:
        i = (i + 1) % 256
        j = (j + s[i]) % 256
        s[i], s[j] = s[j], s[i]
        out.append(b ^ s[(s[i] + s[j]) % 256])
    return bytes(out)


PAD = bytes.fromhex("28BF4E5E4E758A4164004E56FFFA01082E2E00B6D0683E802F0CA9FE6453697A")


def write_pdf(path, pages, images=None, encrypt_user=None):
    """pages: list of content-stream bytes. images: {name: (w, h, gray bytes)}
    shared by every page. encrypt_user: a user password (RC4 40-bit)."""
    objs = {}  # number -> bytes (dictionary or stream object body)
    streams = {}  # number -> (dict, data)
    n_pages = len(pages)
    font = 3
    first_img = 4
    img_nums = {}
    num = first_img
    for name in (images or {}):
        img_nums[name] = num
        num += 1
    page_nums = []
    for _ in pages:
        page_nums.append((num, num + 1))
        num += 2
    objs[1] = b"<< /Type /Catalog /Pages 2 0 R >>"
    kids = " ".join("%d 0 R" % p for p, _ in page_nums)
    objs[2] = ("<< /Type /Pages /Kids [%s] /Count %d >>" % (kids, n_pages)).encode()
    objs[font] = b"<< /Type /Font /Subtype /Type1 /BaseFont /Times-Roman /Encoding /WinAnsiEncoding >>"
    xobj = ""
    for name, (w, h, data) in (images or {}).items():
        streams[img_nums[name]] = ("<< /Type /XObject /Subtype /Image /Width %d /Height %d "
                                   "/ColorSpace /DeviceGray /BitsPerComponent 8" % (w, h), data)
        xobj += "/%s %d 0 R " % (name, img_nums[name])
    res = "<< /Font << /F1 %d 0 R >>%s >>" % (font, " /XObject << %s>>" % xobj if xobj else "")
    for (pn, cn), content in zip(page_nums, pages):
        objs[pn] = ("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources %s /Contents %d 0 R >>"
                    % (res, cn)).encode()
        streams[cn] = ("<<", content)
    file_id = hashlib.md5(path.encode() + b"instcite").digest()
    key = None
    encrypt_num = None
    if encrypt_user is not None:
        owner = b"instcite-owner"
        user = encrypt_user.encode()
        p_val = -44  # print and copy refused: any value does
        okey = hashlib.md5((owner + PAD)[:32]).digest()[:5]
        o_entry = rc4(okey, (user + PAD)[:32])
        key = hashlib.md5((user + PAD)[:32] + o_entry + struct.pack("<i", p_val) + file_id).digest()[:5]
        u_entry = rc4(key, PAD)
        encrypt_num = num
        objs[encrypt_num] = ("<< /Filter /Standard /V 1 /R 2 /O <%s> /U <%s> /P %d >>"
                             % (o_entry.hex(), u_entry.hex(), p_val)).encode()
        num += 1

    def obj_key(n):
        return hashlib.md5(key + struct.pack("<I", n)[:3] + b"\0\0").digest()[:10]

    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = {}
    for n in range(1, num):
        offsets[n] = len(out)
        out += b"%d 0 obj\n" % n
        if n in streams:
            head, data = streams[n]
            if key is not None:
                data = rc4(obj_key(n), data)
            out += ("%s /Length %d >>\nstream\n" % (head, len(data))).encode()
            out += data + b"\nendstream"
        else:
            out += objs[n]
        out += b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % num
    for n in range(1, num):
        out += b"%010d 00000 n \n" % offsets[n]
    trailer = "trailer\n<< /Size %d /Root 1 0 R /ID [<%s> <%s>]" % (num, file_id.hex(), file_id.hex())
    if encrypt_num:
        trailer += " /Encrypt %d 0 R" % encrypt_num
    out += (trailer + " >>\nstartxref\n%d\n%%%%EOF\n" % xref).encode()
    with open(path, "wb") as f:
        f.write(out)


def resolution_pages():
    p1 = Page()
    y = 740
    for text, size in [("A/RES/99/1", 10), ("General Assembly", 14), ("Distr.: General", 9),
                       ("20 December 2099", 9), ("Ninety-ninth session", 9), ("Agenda item 7", 9)]:
        p1.line(y, [text], size)
        y -= 16
    y -= 8
    p1.line(y, ["Resolution adopted by the General Assembly"], 12)
    y -= 15
    p1.line(y, ["on 18 December 2099"], 12)
    y -= 20
    p1.line(y, ["[on the report of the Third Committee (A/99/400)]"], 10)
    y -= 24
    p1.line(y, ["99/1.     Rights of the child"], 14)
    y -= 24
    body = [
        ["The General Assembly,"],
        ["Recalling the Convention on the Rights of the Child,", ("sup", "1"), " which entered into"],
        ["force in 1990, and its resolution 74/174 of 18 December 2019", ("sup", "2"), ","],
        ["Reaffirming the International Covenant on Civil and Political Rights", ("sup", "3"),
         "and the"],
        ["duty of States to protect children,"],
        ["Noting the Optional Protocol to the Convention on the Rights of the Child on the"],
    ]
    for parts in body:
        p1.line(y, parts, 10, 90)
        y -= 14
    # The footnote rule and three footnotes whose numbers are drawn at the
    # end of the stream, beside their texts.
    p1.line(130, ["__________________"], 9)
    p1.line(118, ["United Nations, Treaty Series, vol. 1577, No. 27531."], 8.5, 80)
    p1.line(107, ["Adopted without a vote."], 8.5, 80)
    p1.line(96, ["United Nations, Treaty Series, vol. 999, No. 14668."], 8.5, 80)
    p1.line(60, ["99-00001 (E)"], 7)
    p1.raw("BT /F1 5.5 Tf 72 121 Td (1) Tj ET")
    p1.raw("BT /F1 5.5 Tf 72 110 Td (2) Tj ET")
    p1.raw("BT /F1 5.5 Tf 72 99 Td (3) Tj ET")
    p2 = Page()
    p2.line(760, ["Rights of the child"], 8)
    p2.line(760, ["A/RES/99/1"], 8, 480)
    y = 730
    body2 = [
        ["sale of children, child prostitution and child pornography,", ("sup", "4")],
        ["1.     Calls upon all States to ratify the Convention on the Rights of the Child;"],
        ["2.     Decides to continue its consideration of the question at its hundredth session."],
    ]
    for parts in body2:
        p2.line(y, parts, 10, 90)
        y -= 14
    y -= 10
    p2.line(y, ["99th plenary meeting"], 10, 250)
    y -= 14
    p2.line(y, ["18 December 2099"], 10, 250)
    p2.line(130, ["__________________"], 9)
    p2.line(118, [("sup", "4"), " United Nations, Treaty Series, vol. 2171, No. 27531."], 8.5, 72)
    p2.line(60, ["2/2"], 8)
    return [p1.stream(), p2.stream()]


# ---- DOCX -----------------------------------------------------------------

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"


def w_run(text, sup=False):
    rpr = '<w:rPr><w:vertAlign w:val="superscript"/></w:rPr>' if sup else ""
    return '<w:r>%s<w:t xml:space="preserve">%s</w:t></w:r>' % (rpr, xml_escape(text))


def w_ref(fid):
    return ('<w:r><w:rPr><w:rStyle w:val="FootnoteReference"/></w:rPr>'
            '<w:footnoteReference w:id="%d"/></w:r>' % fid)


def w_p(*runs, num=None, style=None):
    ppr = ('<w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="%d"/></w:numPr></w:pPr>' % num
           if num else '<w:pPr><w:pStyle w:val="%s"/></w:pPr>' % style if style else "")
    return "<w:p>%s%s</w:p>" % (ppr, "".join(runs))


def xml_escape(s):
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def write_docx(path):
    paras = [w_p(w_run(t)) for t in [
        "General Assembly", "Distr.: General", "20 December 2099", "Ninety-ninth session",
        "Agenda item 7", "Resolution adopted by the General Assembly", "on 18 December 2099",
        "[on the report of the Third Committee (A/99/400)]", "99/1.\tRights of the child",
        "The General Assembly,"]]
    paras.append(w_p(w_run("Recalling the Convention on the Rights of the Child,"), w_ref(5),
                     w_run(" which entered into force in 1990, and its resolution 74/174 of "
                           "18 December 2019"), w_ref(6), w_run(",")))
    paras.append(w_p(w_run("Reaffirming the International Covenant on Civil and Political Rights"),
                     w_ref(7), w_run(" and the duty of States to protect children,")))
    paras.append(w_p(w_run("Noting the Optional Protocol to the Convention on the Rights of the Child "
                           "on the"),
                     '<w:r><w:br w:type="page"/></w:r>',
                     w_run("sale of children, child prostitution and child pornography,"), w_ref(9)))
    paras.append(w_p(w_run("Calls upon all States to ratify the Convention on the Rights of the Child;"),
                     style="OperativePara"))
    paras.append(w_p(w_run("Decides to continue its consideration of the question at its hundredth "
                           "session."), num=1))
    paras.append(w_p(w_run("99th plenary meeting")))
    paras.append(w_p(w_run("18 December 2099")))
    document = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
                '<w:document xmlns:w="%s" xmlns:r="%s"><w:body>%s<w:sectPr>'
                '<w:headerReference w:type="default" r:id="rId3"/>'
                '<w:headerReference w:type="first" r:id="rId4"/><w:titlePg/></w:sectPr></w:body></w:document>'
                % (W, R, "".join(paras)))
    # The symbol is printed by the first page's header, as in UN documents;
    # the other pages' header holds only the running title.
    header_first = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
                    '<w:hdr xmlns:w="%s">%s</w:hdr>' % (W, w_p(w_run("A/RES/99/1"))))
    header_default = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
                      '<w:hdr xmlns:w="%s">%s</w:hdr>' % (W, w_p(w_run("Rights of the child"))))
    notes = {5: "United Nations, Treaty Series, vol. 1577, No. 27531.",
             6: "Adopted without a vote.",
             7: "United Nations, Treaty Series, vol. 999, No. 14668.",
             9: "United Nations, Treaty Series, vol. 2171, No. 27531."}
    fns = ('<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>'
           '<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:r><w:continuationSeparator/>'
           '</w:r></w:p></w:footnote>')
    for fid, text in notes.items():
        fns += ('<w:footnote w:id="%d"><w:p><w:r><w:rPr><w:vertAlign w:val="superscript"/></w:rPr>'
                '<w:footnoteRef/></w:r>%s</w:p></w:footnote>' % (fid, w_run(" " + text)))
    footnotes = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
                 '<w:footnotes xmlns:w="%s">%s</w:footnotes>' % (W, fns))
    numbering = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
                 '<w:numbering xmlns:w="%s"><w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0">'
                 '<w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%%1."/></w:lvl>'
                 '</w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num></w:numbering>'
                 % W)
    # OP1 is numbered through its style (based on one that holds the numbering),
    # OP2 directly: both continue list 1.
    styles = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
              '<w:styles xmlns:w="%s"><w:style w:type="paragraph" w:styleId="Numbered">'
              '<w:pPr><w:numPr><w:numId w:val="1"/></w:numPr></w:pPr></w:style>'
              '<w:style w:type="paragraph" w:styleId="OperativePara"><w:basedOn w:val="Numbered"/>'
              '</w:style></w:styles>' % W)
    content_types = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        '<Default Extension="xml" ContentType="application/xml"/>'
        '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-'
        'officedocument.wordprocessingml.document.main+xml"/>'
        '<Override PartName="/word/footnotes.xml" ContentType="application/vnd.openxmlformats-'
        'officedocument.wordprocessingml.footnotes+xml"/>'
        '<Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-'
        'officedocument.wordprocessingml.styles+xml"/>'
        '<Override PartName="/word/numbering.xml" ContentType="application/vnd.openxmlformats-'
        'officedocument.wordprocessingml.numbering+xml"/></Types>')
    rels = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
            'relationships/officeDocument" Target="word/document.xml"/></Relationships>')
    doc_rels = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
                '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
                '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
                'relationships/footnotes" Target="footnotes.xml"/>'
                '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
                'relationships/numbering" Target="numbering.xml"/>'
                '<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
                'relationships/header" Target="header1.xml"/>'
                '<Relationship Id="rId4" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
                'relationships/header" Target="header2.xml"/></Relationships>')
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in [("[Content_Types].xml", content_types), ("_rels/.rels", rels),
                           ("word/document.xml", document), ("word/footnotes.xml", footnotes),
                           ("word/numbering.xml", numbering), ("word/styles.xml", styles),
                           ("word/header1.xml", header_default), ("word/header2.xml", header_first),
                           ("word/_rels/document.xml.rels", doc_rels)]:
            info = zipfile.ZipInfo(name, date_time=(2099, 12, 20, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(info, data.encode("utf-8"))


# ---- HTML -----------------------------------------------------------------

HTML = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>A/RES/99/1</title>
<style>p { margin: 0 }</style><script>var x = "Convention on the Rights of the Child";</script></head>
<body>
<table><tr><td>A/RES/99/1</td></tr><tr><td>General Assembly</td><td>Distr.: General</td></tr></table>
<p>20 December 2099</p>
<p>Ninety-ninth session<br>Agenda item 7</p>
<p>Resolution adopted by the General Assembly<br>on 18 December 2099</p>
<p>[on the report of the Third Committee (A/99/400)]</p>
<h1>99/1. Rights of the child</h1>
<p>The General Assembly,</p>
<p><i>Recalling</i> the Convention on the Rights of the Child,<sup><a href="#fn1">1</a></sup> which
   entered into force in 1990, and its resolution 74/174 of 18 December 2019<sup>2</sup>,</p>
<p><i>Reaffirming</i> the International Covenant on Civil and Political Rights<sup>3</sup> and the
   duty of States to protect children,</p>
<p><i>Noting</i> the Optional Protocol to the Convention on the Rights of the Child on the
<br clear="all" style="page-break-before: always">
sale of children, child prostitution and child pornography,<sup>[4]</sup></p>
<ol>
<li><i>Calls upon</i> all States to ratify the Convention on the Rights of the Child;</li>
<li><i>Decides</i> to continue its consideration of the question at its hundredth session.</li>
</ol>
<p>99th plenary meeting<br>18 December 2099</p>
<hr>
<ol class="notes">
<li id="fn1">United Nations, <i>Treaty Series</i>, vol. 1577, No. 27531.</li>
<li>Adopted without a vote.</li>
<li>United Nations, <i>Treaty Series</i>, vol. 999, No. 14668.</li>
<li>United Nations, <i>Treaty Series</i>, vol. 2171, No. 27531.</li>
</ol>
</body></html>
"""


# Word's "save as web page": references are links to "#_ftnN" around
# MsoFootnoteReference spans with conditional comments, the footnotes a
# footnote-list div after an <hr>, each starting with its "[N]" link back.
def word_ref(n):
    return ('<a style="mso-footnote-id:ftn%d" href="#_ftn%d" name="_ftnref%d" title="">'
            '<span class=MsoFootnoteReference><span style="mso-special-character:footnote">'
            '<![if !supportFootnotes]><span class=MsoFootnoteReference><span '
            'style="font-size:10.0pt;font-family:\'Times New Roman\'">[%d]</span></span>'
            '<![endif]></span></span></a>' % (n, n, n, n))


def word_note(n, text):
    return ('<div style="mso-element:footnote" id=ftn%d><p class=MsoFootnoteText>'
            '<a style="mso-footnote-id:ftn%d" href="#_ftnref%d" name="_ftn%d" title="">'
            '<span class=MsoFootnoteReference><span style="mso-special-character:footnote">'
            '<![if !supportFootnotes]><span class=MsoFootnoteReference>[%d]</span><![endif]>'
            '</span></span></a> %s</p></div>' % (n, n, n, n, n, text))


WORD_HTML = ("""<html xmlns:o="urn:schemas-microsoft-com:office:office"
xmlns:w="urn:schemas-microsoft-com:office:word" xmlns="http://www.w3.org/TR/REC-html40">
<head><meta http-equiv=Content-Type content="text/html; charset=windows-1252">
<!--[if gte mso 9]><xml><w:WordDocument><w:View>Print</w:View></w:WordDocument></xml><![endif]-->
<style><!-- p.MsoNormal {margin:0cm} --></style></head>
<body lang=EN-GB style='tab-interval:36.0pt'><div class=WordSection1>
<p class=MsoNormal>A/RES/99/1</p>
<p class=MsoNormal>General Assembly</p>
<p class=MsoNormal>Distr.: General</p>
<p class=MsoNormal>20 December 2099</p>
<p class=MsoNormal>Ninety-ninth session</p>
<p class=MsoNormal>Agenda item 7</p>
<p class=MsoNormal>Resolution adopted by the General Assembly</p>
<p class=MsoNormal>on 18 December 2099</p>
<p class=MsoNormal>[on the report of the Third Committee (A/99/400)]</p>
<p class=MsoNormal>99/1.<span style='mso-tab-count:1'>&nbsp;&nbsp; </span>Rights of the child</p>
<p class=MsoNormal>The General Assembly,</p>
<p class=MsoNormal><i>Recalling</i> the Convention on the Rights of the Child,""" + word_ref(1) + """ which
entered into force in 1990, and its resolution 74/174 of 18 December 2019""" + word_ref(2) + """,</p>
<p class=MsoNormal><i>Reaffirming</i> the International Covenant on Civil and Political
Rights""" + word_ref(3) + """ and the duty of States to protect children,</p>
<p class=MsoNormal><i>Noting</i> the Optional Protocol to the Convention on the Rights of the
Child on the <span style='font-size:10.0pt'><br clear=all style='page-break-before:always'>
</span>sale of children, child prostitution and child pornography,""" + word_ref(4) + """</p>
<p class=MsoNormal>1.<span style='mso-tab-count:1'>&nbsp;&nbsp; </span><i>Calls upon</i> all
States to ratify the Convention on the Rights of the Child;</p>
<p class=MsoNormal>2.<span style='mso-tab-count:1'>&nbsp;&nbsp; </span><i>Decides</i> to
continue its consideration of the question at its hundredth session.</p>
<p class=MsoNormal>99th plenary meeting<br>18 December 2099</p>
</div>
<div style='mso-element:footnote-list'><![if !supportFootnotes]><br clear=all>
<hr align=left size=1 width="33%">
<![endif]>
""" + word_note(1, "United Nations, <i>Treaty Series</i>, vol. 1577, No. 27531.")
    + word_note(2, "Adopted without a vote.")
    + word_note(3, "United Nations, <i>Treaty Series</i>, vol. 999, No. 14668.")
    + word_note(4, "United Nations, <i>Treaty Series</i>, vol. 2171, No. 27531.") + """
</div></body></html>
""")


def main():
    out = sys.argv[1] if len(sys.argv) > 1 else "."
    os.makedirs(out, exist_ok=True)
    write_pdf(os.path.join(out, "resolution.pdf"), resolution_pages())
    image = Page()
    image.raw("q 200 0 0 100 72 600 cm /Im1 Do Q")
    write_pdf(os.path.join(out, "image-only.pdf"), [image.stream()],
              images={"Im1": (4, 2, bytes([0, 64, 128, 255, 255, 128, 64, 0]))})
    write_pdf(os.path.join(out, "encrypted.pdf"), resolution_pages(), encrypt_user="secret")
    write_docx(os.path.join(out, "resolution.docx"))
    with open(os.path.join(out, "resolution.html"), "w", encoding="utf-8") as f:
        f.write(HTML)
    with open(os.path.join(out, "resolution-word.htm"), "w", encoding="cp1252") as f:
        f.write(WORD_HTML)
    with zipfile.ZipFile(os.path.join(out, "not-a-docx.zip"), "w") as z:
        z.writestr("readme.txt", "not a Word document\n")


if __name__ == "__main__":
    main()
