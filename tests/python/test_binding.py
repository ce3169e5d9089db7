"""The Python binding (python/instcite.py) against the build tree: the same
records as `instcite extract --format jsonl`, the same graph as
`instcite graph -o OUT.json`, errors as exceptions.

    test_binding.py INSTCITE_EXE LIBINSTCITE_SO SRCROOT

Run by Debian's /usr/bin/python3 (networkx 2.8), from SRCROOT.
"""

import csv
import json
import os
import re
import subprocess
import sys
import tempfile
import unittest

EXE, LIB, ROOT = sys.argv[1:4]
del sys.argv[1:4]
os.environ["INSTCITE_LIB"] = LIB
sys.path.insert(0, os.path.join(ROOT, "python"))
import instcite  # noqa: E402

SEED = "datasets/A_RES_74_174.zh.txt"
OTHERS = ["datasets/en/A_RES_74_174.txt", "datasets/en/A_RES_73_3.txt",
          "tests/corpus/data/A_RES_75_147.zh.txt"]


def cli(*args, stdin=None):
    r = subprocess.run([EXE, *args], input=stdin, capture_output=True, cwd=ROOT, check=True)
    return r.stdout


def cli_records(*args, stdin=None):
    out = cli("extract", "--format", "jsonl", *args, stdin=stdin).decode("utf-8")
    return [json.loads(line) for line in out.splitlines()]


class Records(unittest.TestCase):
    def test_seed_same_as_cli(self):
        got = instcite.extract(SEED)
        self.assertEqual(got, cli_records(SEED))
        self.assertEqual(sum(r["type"] == "mention" for r in got), 19)
        self.assertEqual(got[0]["type"], "document")
        self.assertEqual(got[0]["doc"], "A/RES/74/174")
        self.assertEqual([r["code"] for r in got if r["type"] == "warning"], ["unts-mismatch"])
        # The order and the number types of the command's lines, too.
        self.assertEqual([list(r) for r in got], [list(r) for r in cli_records(SEED)])

    def test_bytes_same_as_stdin(self):
        with open(os.path.join(ROOT, SEED), "rb") as f:
            data = f.read()
        got = instcite.extract(data)
        self.assertEqual(got, cli_records("-", stdin=data))
        self.assertEqual(got[0]["name"], "-")
        self.assertEqual(instcite.extract(data, name=SEED), instcite.extract(SEED))

    def test_other_documents_and_pathlike(self):
        import pathlib
        for path in OTHERS:
            with self.subTest(path=path):
                self.assertEqual(instcite.extract(path), cli_records(path))
        self.assertEqual(instcite.extract(pathlib.Path(SEED)), instcite.extract(SEED))

    def test_pdf(self):
        path = "datasets/en/A_RES_73_3.pdf"
        got = instcite.extract(path)
        self.assertEqual(got, cli_records(path))
        self.assertEqual(got[0].get("source"), "pdf")

    def test_text_layer(self):
        path = "datasets/en/A_RES_73_3.pdf"
        layer = instcite.text(path)
        self.assertEqual(layer, cli("text", path))
        with open(os.path.join(ROOT, path), "rb") as f:
            self.assertEqual(instcite.text(f.read()), layer)
        for r in instcite.extract(path):
            if r["type"] == "mention":
                self.assertEqual(layer[r["start"]:r["end"]].decode("utf-8"), r["text"])
        with open(os.path.join(ROOT, SEED), "rb") as f:
            self.assertEqual(instcite.text(SEED), f.read())
        with self.assertRaises(instcite.InstciteError):
            instcite.text(b"%PDF-1.4\n%%EOF\n")

    def test_many_same_as_cli(self):
        paths = [SEED, *OTHERS]
        self.assertEqual(instcite.extract_many(paths), cli_records(*paths))

    def test_lang(self):
        self.assertEqual(instcite.extract(SEED, lang="zh"), cli_records("--lang", "zh", SEED))
        with self.assertRaises(instcite.InstciteError) as e:
            instcite.extract(SEED, lang="xx")
        self.assertEqual(e.exception.code, "invalid")

    def test_catalog(self):
        with open(os.path.join(ROOT, "datasets/instruments.csv"), newline="", encoding="utf-8") as f:
            rows = list(csv.DictReader(f))
        crc = next(r for r in rows if r["id"] == "crc")
        crc["unts_volume"] = "9999"
        with tempfile.TemporaryDirectory() as tmp:
            path = os.path.join(tmp, "override.csv")
            with open(path, "w", newline="", encoding="utf-8") as f:
                w = csv.DictWriter(f, fieldnames=list(rows[0]), lineterminator="\n")
                w.writeheader()
                w.writerow(crc)
            got = instcite.extract(SEED, catalog=path)
            self.assertEqual(got, cli_records("--catalog", path, SEED))
            self.assertNotEqual(got, instcite.extract(SEED))
            with instcite.Catalog(path) as cat:
                self.assertEqual(len(cat), len(rows))
                self.assertEqual(instcite.extract(SEED, catalog=cat), got)
            with self.assertRaises(instcite.InstciteError) as e:
                instcite.Catalog(os.path.join(tmp, "missing.csv"))
            self.assertEqual(e.exception.code, "io")

    def test_errors(self):
        with self.assertRaises(instcite.InstciteError) as e:
            instcite.extract("no/such/file.txt")
        self.assertEqual(e.exception.code, "io")
        with self.assertRaises(instcite.InstciteError) as e:
            instcite.extract("第74/174号决议\n".encode() + b"\xff")
        self.assertEqual(e.exception.code, "encoding")
        self.assertGreater(e.exception.offset, 0)
        with self.assertRaises(instcite.InstciteError) as e:
            instcite.extract(b"")
        self.assertEqual(e.exception.code, "empty")
        with self.assertRaises(ValueError):
            instcite.extract(b"x", invalid="ignore")

    def test_invalid_replace(self):
        with open(os.path.join(ROOT, SEED), "rb") as f:
            data = f.read()
        bad = data[:200] + b"\xff" + data[200:]
        got = instcite.extract(bad, invalid="replace")
        codes = [r["code"] for r in got if r["type"] == "warning"]
        self.assertIn("invalid-replaced", codes)
        self.assertEqual(sum(r["type"] == "mention" for r in got), 19)

    def test_version(self):
        self.assertEqual("instcite " + instcite.version(), cli("--version").decode().strip())


class Graph(unittest.TestCase):
    def cli_graph(self, *paths):
        with tempfile.TemporaryDirectory() as tmp:
            out = os.path.join(tmp, "g.json")
            cli("graph", *paths, "-o", out)
            with open(out, encoding="utf-8") as f:
                return json.load(f)

    def test_dict_same_as_cli(self):
        paths = [SEED, "datasets/en/A_RES_74_174.txt", "tests/corpus/data/A_RES_75_147.zh.txt"]
        self.assertEqual(instcite.graph(paths, networkx=False), self.cli_graph(*paths))
        self.assertEqual(instcite.graph(SEED, networkx=False), self.cli_graph(SEED))

    def test_networkx(self):
        import networkx as nx
        g = instcite.graph([SEED])
        self.assertIsInstance(g, nx.DiGraph)
        want = self.cli_graph(SEED)
        self.assertEqual(g.number_of_nodes(), len(want["nodes"]))
        self.assertEqual(g.number_of_edges(), len(want["edges"]))
        for n in want["nodes"]:
            attrs = {k: v for k, v in n.items() if k != "id"}
            self.assertEqual(g.nodes[n["id"]], attrs)
        for e in want["edges"]:
            attrs = {k: v for k, v in e.items() if k not in ("source", "target")}
            self.assertEqual(g.edges[e["source"], e["target"]], attrs)
        self.assertTrue(g.nodes["A/RES/74/174"]["in_corpus"])
        self.assertEqual(g.edges["A/RES/74/174", "A/74/400"]["type"], "cites")

    def test_from_records(self):
        paths = [SEED, "datasets/en/A_RES_74_174.txt"]
        self.assertEqual(instcite.graph(records=instcite.extract_many(paths), networkx=False),
                         instcite.graph(paths, networkx=False))
        jsonl = cli("extract", "--format", "jsonl", *paths)
        self.assertEqual(instcite.graph(records=jsonl, networkx=False),
                         self.cli_graph(*paths))
        # Records filtered in Python: the report mention and its node are gone.
        kept = [r for r in instcite.extract(SEED)
                if not (r["type"] == "mention" and r["kind"] == "report")]
        g = instcite.graph(records=kept)
        self.assertNotIn("A/74/400", g)
        self.assertIn("A/RES/73/154", g)
        self.assertEqual(instcite.graph(records=[], networkx=False)["nodes"], [])
        with self.assertRaises(instcite.InstciteError) as e:
            instcite.graph(records='{"type":"document","doc":"x"}\nnot json\n')
        self.assertEqual(e.exception.code, "parse")

    def test_formats_same_as_cli(self):
        for fmt, extra in [("graphml", []), ("gexf", []), ("json", ["--links"]),
                           ("cytoscape", []), ("dot", []), ("svg", ["--layout", "time"]),
                           ("html", [])]:
            with self.subTest(format=fmt):
                got = instcite.graph(SEED, format=fmt, links="--links" in extra,
                                     layout="time" if "time" in extra else None)
                self.assertEqual(got, cli("graph", SEED, "-f", fmt, *extra))
        with tempfile.TemporaryDirectory() as tmp:
            cli("graph", SEED, "-o", os.path.join(tmp, "g.csv"))
            with open(os.path.join(tmp, "g.nodes.csv"), "rb") as n, \
                    open(os.path.join(tmp, "g.edges.csv"), "rb") as e:
                self.assertEqual(instcite.graph(SEED, format="csv"), (n.read(), e.read()))
        with self.assertRaises(ValueError):
            instcite.graph(SEED, format="png")
        with self.assertRaises(ValueError):
            instcite.graph(SEED, layout="circle")

    def test_without_networkx(self):
        # A Python without networkx gets the node-link dict.
        code = ("import sys; sys.modules['networkx'] = None; sys.path.insert(0, 'python');"
                "import instcite, json; g = instcite.graph(['%s']);"
                "print(type(g).__name__, len(g['nodes']))" % SEED)
        r = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True,
                           text=True, check=True)
        self.assertEqual(r.stdout.split()[0], "dict")


class Readme(unittest.TestCase):
    def test_readme_example_runs(self):
        # The notebook-sized example of README.md, as written (its results
        # depend on extraction, which improves; that it runs does not).
        with open(os.path.join(ROOT, "README.md"), encoding="utf-8") as f:
            readme = f.read()
        blocks = re.findall(r"^```python\n(.*?)^```$", readme, re.S | re.M)
        self.assertTrue(blocks, "README.md has a ```python example")
        r = subprocess.run([sys.executable, "-c", blocks[0]], cwd=ROOT, capture_output=True,
                           text=True)
        self.assertEqual(r.returncode, 0, r.stderr)


class Loading(unittest.TestCase):
    def test_instcite_lib_is_honoured(self):
        env = dict(os.environ, INSTCITE_LIB="/nonexistent/libinstcite.so")
        code = "import sys; sys.path.insert(0, 'python'); import instcite; instcite.version()"
        r = subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True,
                           text=True)
        self.assertNotEqual(r.returncode, 0)
        self.assertIn("INSTCITE_LIB", r.stderr)

    def test_standard_library_only(self):
        import ast
        with open(os.path.join(ROOT, "python", "instcite.py"), encoding="utf-8") as f:
            tree = ast.parse(f.read())
        imports = set()
        for node in ast.walk(tree):
            if isinstance(node, ast.Import):
                imports |= {a.name.split(".")[0] for a in node.names}
            elif isinstance(node, ast.ImportFrom):
                imports.add(node.module.split(".")[0])
        self.assertLessEqual(imports - {"networkx"}, set(sys.stdlib_module_names))


if __name__ == "__main__":
    unittest.main(verbosity=2)
