#!/usr/bin/python3
"""Reads every graph format written by write_hostile back and checks that it
says what the node-link JSON says, and that hostile text stays inert.

Usage: check_exports.py WRITE_HOSTILE [SEED.txt]

 - GraphML, GEXF, node-link JSON ("edges" and "links"), Cytoscape.js JSON:
   read with networkx (Debian's python3-networkx 2.8): same nodes, edges,
   attribute values and Python types. Documented differences: GEXF weight
   is a double (the GEXF type of `weight`), GEXF adds `start` (the time),
   Cytoscape adds `id`/`value`/`name` (node) and `id`/`source`/`target`.
 - CSV and DOT: parsed here; the same values as text.
 - SVG and HTML: well-formed, no script, no event handler, no external
   reference; every hostile string is present, escaped, with its meaning.
 - Every file is byte-for-byte the same when written twice.
networkx 2.8 knows GEXF 1.1 and 1.2 only: the 1.3 namespace is registered
with its reader below (networkx 3 reads 1.3 itself).
"""
import csv
import html.parser
import io
import json
import os
import re
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET

import networkx as nx

# The hostile strings of write_hostile.c (T_*).
HOSTILE = [
    "<script>alert(\"x\")</script> & 'more'",
    "=cmd|' /C calc'!A0",
    "first line\nsecond\tline\r\nthird \\ back\\\u2028sep",
    "\u202eevil.exe\u202c txt",
    "+1-2 @SUM(A1:A2) -x",
    "&amp; &lt;b&gt; &#x41; ]]> -->",
]

GEXF13 = {
    "NS_GEXF": "http://gexf.net/1.3",
    "NS_VIZ": "http://gexf.net/1.3/viz",
    "NS_XSI": "http://www.w3.org/2001/XMLSchema-instance",
    "SCHEMALOCATION": "http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd",
    "VERSION": "1.3",
}
nx.readwrite.gexf.GEXF.versions.setdefault("1.3", GEXF13)

ESCAPE = re.compile(r"_x([0-9A-F]{4,6})_")
FAILURES = []


def fail(msg):
    FAILURES.append(msg)
    print("FAIL:", msg)


def typed(attrs):
    return {k: (type(v).__name__, v) for k, v in attrs.items()}


def compare(name, ref, other, node_fix=None, edge_fix=None):
    """Same nodes, edges and typed attributes; *_fix adjust other's attrs."""
    if set(ref.nodes) != set(other.nodes):
        fail("%s: nodes differ: %r" % (name, set(ref.nodes) ^ set(other.nodes)))
        return
    if set(ref.edges) != set(other.edges):
        fail("%s: edges differ: %r" % (name, set(ref.edges) ^ set(other.edges)))
        return
    if other.is_multigraph() or not other.is_directed():
        fail("%s: not a simple directed graph" % name)
    for n in ref.nodes:
        got = dict(other.nodes[n])
        if node_fix:
            got = node_fix(n, ref.nodes[n], got)
        if typed(got) != typed(ref.nodes[n]):
            fail("%s: node %r:\n  want %r\n  got  %r" % (name, n, typed(ref.nodes[n]), typed(got)))
    for u, v in ref.edges:
        got = dict(other.edges[u, v])
        if edge_fix:
            got = edge_fix(ref.edges[u, v], got)
        if typed(got) != typed(ref.edges[u, v]):
            fail("%s: edge %r->%r:\n  want %r\n  got  %r"
                 % (name, u, v, typed(ref.edges[u, v]), typed(got)))
    print("ok: %s: %d nodes, %d edges agree" % (name, other.number_of_nodes(),
                                               other.number_of_edges()))


def iso_start(date):
    if date is None:
        return None
    if re.fullmatch(r"\d{4}", date):
        return date + "-01-01"
    if re.fullmatch(r"\d{4}-\d\d-\d\d", date):
        return date
    return None


def check_networkx(d, ref, data):
    gml = nx.read_graphml(os.path.join(d, "graph.graphml"))
    gml = nx.relabel_nodes(gml, {n: ESCAPE.sub(lambda m: chr(int(m.group(1), 16)), n)
                                 for n in gml.nodes})
    compare("graphml", ref, gml)

    def gexf_node(n, want, got):
        start = got.pop("start", None)
        if start != iso_start(want.get("date")):
            fail("gexf: node %r start %r for date %r" % (n, start, want.get("date")))
        return got

    def gexf_edge(want, got):
        if isinstance(got.get("weight"), float) and got["weight"] == want.get("weight"):
            got["weight"] = want["weight"]
        got.pop("start", None)
        return got

    gexf = nx.read_gexf(os.path.join(d, "graph.gexf"))
    compare("gexf", ref, gexf, gexf_node, gexf_edge)
    for u, v in gexf.edges:
        if gexf.edges[u, v].get("start") != iso_start(ref.nodes[u].get("date")):
            fail("gexf: edge %r->%r does not start at its source's date" % (u, v))

    with open(os.path.join(d, "graph.links.json"), encoding="utf-8") as f:
        links = json.load(f)
    if "links" not in links or "edges" in links:
        fail("links.json: keys %r" % sorted(links))
    compare("node-link links", ref, nx.node_link_graph(links, link="links"))

    with open(os.path.join(d, "graph.cyjs"), encoding="utf-8") as f:
        cy = json.load(f)
    if set(cy["elements"]) != {"nodes", "edges"}:
        fail("cytoscape: elements keys %r" % sorted(cy["elements"]))
    ids = [e["data"]["id"] for e in cy["elements"]["nodes"] + cy["elements"]["edges"]]
    if len(ids) != len(set(ids)):
        fail("cytoscape: element ids are not unique")

    def cy_node(n, want, got):
        if got.pop("id") != n or got.pop("value") != n or got.pop("name") != want["label"]:
            fail("cytoscape: node %r id/value/name" % n)
        return got

    def cy_edge(want, got):
        for k in ("id", "source", "target"):
            got.pop(k)
        return got

    compare("cytoscape", ref, nx.cytoscape_graph(cy), cy_node, cy_edge)


def text(v):
    if isinstance(v, bool):
        return "true" if v else "false"
    return str(v)


def unneutral(cell):
    return cell[1:] if cell[:1] == "'" and cell[1:2] in ("=", "+", "-", "@", "\t", "\r") else cell


def check_csv(d, ref, data):
    def rows(name):
        with open(os.path.join(d, name), encoding="utf-8", newline="") as f:
            raw = f.read()
        if re.search(r'(^|,)"?[=+\-@]', raw.replace("\r\n", "\n"), re.M):
            fail("%s: a cell starts with a formula character" % name)
        return list(csv.reader(io.StringIO(raw)))

    nodes = rows("graph.nodes.csv")
    head = nodes[0]
    if head[:2] != ["Id", "Label"]:
        fail("nodes.csv header %r" % head[:2])
    got = {}
    for r in nodes[1:]:
        r = [unneutral(c) for c in r]
        got[r[0]] = dict(zip(["label" if h == "Label" else h for h in head[1:]], r[1:]))
    if set(got) != set(ref.nodes):
        fail("nodes.csv: ids differ: %r" % (set(got) ^ set(ref.nodes)))
    for n, attrs in got.items():
        for k, v in attrs.items():
            want = ref.nodes[n].get(k)
            if (v == "" and want is not None) or (v != "" and v != text(want)):
                if not (isinstance(want, float) and v and float(v) == want):
                    fail("nodes.csv: %r %s: %r != %r" % (n, k, v, want))
    edges = rows("graph.edges.csv")
    head = edges[0]
    if head[:6] != ["Source", "Target", "Type", "Weight", "Label", "kind"]:
        fail("edges.csv header %r" % head[:6])
    seen = set()
    for r in edges[1:]:
        r = [unneutral(c) for c in r]
        u, v = r[0], r[1]
        seen.add((u, v))
        want = ref.edges[u, v] if ref.has_edge(u, v) else {}
        cells = dict(zip(head, r))
        if cells["Type"] != "Directed" or cells["Weight"] != text(want.get("weight")) or \
           cells["Label"] != want.get("type") or cells["kind"] != want.get("type"):
            fail("edges.csv: %r->%r: %r" % (u, v, cells))
        for k in head[6:]:
            if cells[k] != ("" if want.get(k) is None else text(want[k])):
                fail("edges.csv: %r->%r %s: %r != %r" % (u, v, k, cells[k], want.get(k)))
    if seen != set(ref.edges):
        fail("edges.csv: edges differ")
    print("ok: csv: %d nodes, %d edges agree" % (len(got), len(seen)))


DOT_TOKEN = re.compile(r'"((?:[^"\\]|\\.)*)"|(->|[\[\]{};,=])|([A-Za-z_][A-Za-z0-9_]*)', re.S)


def dot_unquote(s):
    out, i = [], 0
    while i < len(s):
        c = s[i]
        if c == "\\" and i + 1 < len(s):
            nxt = s[i + 1]
            out.append({"n": "\n", "r": "\r", '"': '"', "\\": "\\"}.get(nxt, "\\" + nxt))
            i += 2
        else:
            out.append(c)
            i += 1
    return "".join(out)


def check_dot(d, ref, data):
    with open(os.path.join(d, "graph.dot"), encoding="utf-8") as f:
        src = f.read()
    toks = []
    for m in DOT_TOKEN.finditer(src):
        if m.group(1) is not None:
            toks.append(("s", dot_unquote(m.group(1))))
        else:
            toks.append(("p", m.group(2) or m.group(3)))
    # statements: ID [attrs] ;  or  ID -> ID [attrs] ;
    nodes, edges, i = {}, {}, 0
    while toks[i] != ("p", "{"):
        i += 1
    i += 1
    while toks[i] != ("p", "}"):
        if toks[i][0] == "p":  # graph/node defaults
            while toks[i] != ("p", ";"):
                i += 1
            i += 1
            continue
        a = toks[i][1]
        i += 1
        b = None
        if toks[i] == ("p", "->"):
            b = toks[i + 1][1]
            i += 2
        attrs = {}
        if toks[i] == ("p", "["):
            i += 1
            while toks[i] != ("p", "]"):
                if toks[i] == ("p", ","):
                    i += 1
                    continue
                attrs[toks[i][1]] = toks[i + 2][1]
                i += 3
            i += 1
        if toks[i] != ("p", ";"):
            fail("dot: statement not ended by ';' near %r" % (toks[i],))
            return
        i += 1
        if b is None:
            nodes[a] = attrs
        else:
            edges[(a, b)] = attrs
    if set(nodes) != set(ref.nodes) or set(edges) != set(ref.edges):
        fail("dot: nodes or edges differ")
        return
    for n, attrs in nodes.items():
        want = {k: text(v) for k, v in ref.nodes[n].items()}
        if attrs != want:
            fail("dot: node %r:\n  want %r\n  got  %r" % (n, want, attrs))
    for e, attrs in edges.items():
        want = {k: text(v) for k, v in ref.edges[e].items()}
        if attrs != want:
            fail("dot: edge %r:\n  want %r\n  got  %r" % (e, want, attrs))
    dot = "/usr/bin/dot"
    if os.path.exists(dot):
        r = subprocess.run([dot, "-Tsvg", "-o", os.devnull, os.path.join(d, "graph.dot")],
                           capture_output=True, text=True)
        if r.returncode != 0 or "rror" in r.stderr:
            fail("dot: Graphviz rejects the file: %s" % r.stderr)
        else:
            print("ok: dot: Graphviz reads it")
    print("ok: dot: %d nodes, %d edges agree" % (len(nodes), len(edges)))


EXTERNAL = re.compile(r"^\s*(?!#|url\(#)\S", re.I)


def check_svg(d, ref, name):
    path = os.path.join(d, name)
    try:
        root = ET.parse(path).getroot()
    except ET.ParseError as e:
        fail("%s: not well-formed XML: %s" % (name, e))
        return
    ns = "{http://www.w3.org/2000/svg}"
    titles = []
    for el in root.iter():
        tag = el.tag.replace(ns, "")
        if tag in ("script", "foreignObject", "image", "use", "a", "iframe"):
            fail("%s: element <%s>" % (name, tag))
        for k, v in el.attrib.items():
            key = k.split("}")[-1].lower()
            if key.startswith("on") or "javascript:" in v.lower():
                fail("%s: attribute %s=%r" % (name, k, v))
            if key == "href" and EXTERNAL.match(v):
                fail("%s: external reference %r" % (name, v))
        if tag == "title":
            titles.append(el.text or "")
    for n in ref.nodes:
        label = ref.nodes[n]["label"]
        if not any(t.startswith(label + " (") for t in titles):
            fail("%s: no <title> for node %r" % (name, label))
    print("ok: %s: well-formed, inert, %d node titles" % (name, len(titles)))


class HTMLScan(html.parser.HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.tags, self.bad, self.text, self.csp = [], [], [], False

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        if tag in ("script", "iframe", "object", "embed", "link", "img", "base", "form"):
            self.bad.append("<%s>" % tag)
        for k, v in attrs:
            v = v or ""
            if k.startswith("on") or "javascript:" in v.lower():
                self.bad.append("%s=%r" % (k, v))
            if k in ("href", "src", "xlink:href") and EXTERNAL.match(v):
                self.bad.append("%s=%r" % (k, v))
        if tag == "meta" and dict(attrs).get("http-equiv") == "Content-Security-Policy":
            self.csp = "default-src 'none'" in dict(attrs).get("content", "")

    def handle_data(self, data):
        self.text.append(data)


def check_html(d, ref, docs_strings):
    with open(os.path.join(d, "graph.html"), encoding="utf-8") as f:
        page = f.read()
    scan = HTMLScan()
    scan.feed(page)
    scan.close()
    if scan.bad:
        fail("html: active or external content: %r" % scan.bad)
    if "<script" in page.lower():
        fail("html: contains '<script'")
    if not scan.csp:
        fail("html: no Content-Security-Policy forbidding everything")
    alltext = "".join(scan.text)
    for s in docs_strings:
        if s not in alltext:
            fail("html: text %r is not shown as written" % s)
    if "svg" not in scan.tags or "table" not in scan.tags:
        fail("html: no inline drawing or table")
    print("ok: html: inert, %d tags, hostile text shown as text" % len(scan.tags))


def check_json_text(d):
    """The JSON files can be pasted into an HTML <script> block: no "</"."""
    for name in ("graph.json", "graph.links.json", "graph.cyjs"):
        with open(os.path.join(d, name), encoding="utf-8") as f:
            raw = f.read()
        if "</" in raw or "\u2028" in raw or "\u2029" in raw:
            fail("%s: raw '</' or U+2028/U+2029 in the text" % name)


def check_hostile_values(ref):
    values = set()
    for _, a in ref.nodes(data=True):
        values.update(v for v in a.values() if isinstance(v, str))
    values.update(ref.nodes)
    for s in HOSTILE:
        if s not in values:
            fail("node-link: hostile string %r does not come through unchanged" % s)


def run(binary, seed, d):
    args = [binary, d] + ([seed] if seed else [])
    subprocess.run(args, check=True)


def main(argv):
    if len(argv) not in (2, 3):
        print(__doc__)
        return 2
    binary, seed = argv[1], argv[2] if len(argv) == 3 else None
    with tempfile.TemporaryDirectory() as tmp:
        d1, d2 = os.path.join(tmp, "a"), os.path.join(tmp, "b")
        os.mkdir(d1)
        os.mkdir(d2)
        run(binary, seed, d1)
        run(binary, seed, d2)
        for name in sorted(os.listdir(d1)):
            with open(os.path.join(d1, name), "rb") as a, open(os.path.join(d2, name), "rb") as b:
                if a.read() != b.read():
                    fail("%s differs between two runs" % name)
        with open(os.path.join(d1, "graph.json"), encoding="utf-8") as f:
            data = json.load(f)
        ref = nx.node_link_graph(data, link="edges")
        check_hostile_values(ref)
        check_json_text(d1)
        check_networkx(d1, ref, data)
        check_csv(d1, ref, data)
        check_dot(d1, ref, data)
        check_svg(d1, ref, "graph.svg")
        check_svg(d1, ref, "graph.time.svg")
        # The report shows the document's title, the warning and the mention
        # keys as they were written (the title: script, formula and RTL).
        check_html(d1, ref, HOSTILE[:2] + [HOSTILE[3], "A/99/<400>", "OP3<b>"])
    if FAILURES:
        print("%d failures" % len(FAILURES))
        return 1
    print("all formats agree (networkx %s)" % nx.__version__)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
