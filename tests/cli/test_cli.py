#!/usr/bin/python3
"""Behaviour of the instcite command: bad inputs, exit statuses, outputs
written whole or not at all, and the seed's graph in GraphML and JSON.

Usage: test_cli.py INSTCITE SOURCE_ROOT [XMLLINT]
Prints "N passed, N failed".
"""
import json
import os
import re
import subprocess
import sys
import tempfile
import unittest

BIN, ROOT = sys.argv[1], sys.argv[2]
XMLLINT = sys.argv[3] if len(sys.argv) > 3 and sys.argv[3] else None
SEED = os.path.join(ROOT, "datasets", "A_RES_74_174.zh.txt")
XSD = os.path.join(ROOT, "tests", "schemas", "graphml", "graphml.xsd")
CHECK_NX = os.path.join(ROOT, "tests", "graph", "check_networkx.py")


def run(*args, stdin=None):
    return subprocess.run([BIN, *args], capture_output=True, input=stdin)


class BadInput(unittest.TestCase):
    def setUp(self):
        self.dir = tempfile.TemporaryDirectory()
        self.d = self.dir.name

    def tearDown(self):
        self.dir.cleanup()

    def write(self, name, data):
        path = os.path.join(self.d, name)
        with open(path, "wb") as f:
            f.write(data)
        return path

    def test_each_bad_file_is_reported_and_the_others_processed(self):
        empty = self.write("empty.txt", b"")
        bad = self.write("bad.txt", "回顾其第73/154号决议".encode() + b"\xff\xfe rest")
        missing = os.path.join(self.d, "missing.txt")
        # A directory is walked (issue 4); one holding no files is an input that failed.
        emptydir = os.path.join(self.d, "emptydir")
        os.mkdir(emptydir)
        r = run("extract", "--format", "jsonl", missing, emptydir, empty, bad, SEED)
        self.assertEqual(r.returncode, 1)
        err = r.stderr.decode().splitlines()
        self.assertIn(f"instcite: {missing}: No such file or directory", err)
        self.assertIn(f"instcite: {emptydir}: no input files in this directory", err)
        self.assertIn(f"instcite: {empty}: no text in input", err)
        offset = len("回顾其第73/154号决议".encode())
        self.assertTrue(any(l.startswith(f"instcite: {bad}: byte {offset}: invalid UTF-8") for l in err), err)
        self.assertIn("instcite: 4 of 5 files failed", err)
        docs = [json.loads(l) for l in r.stdout.decode().splitlines()]
        self.assertEqual([d["symbol"] for d in docs if d["type"] == "document"], ["A/RES/74/174"])
        self.assertEqual(sum(d["type"] == "mention" for d in docs), 19)

    def test_bom_and_crlf_give_the_same_mentions_with_shifted_offsets(self):
        seed = open(SEED, "rb").read()
        crlf = self.write("crlf.txt", b"\xef\xbb\xbf" + seed.replace(b"\n", b"\r\n"))
        a = [json.loads(l) for l in run("extract", "--format", "jsonl", SEED).stdout.splitlines()]
        b = [json.loads(l) for l in run("extract", "--format", "jsonl", crlf).stdout.splitlines()]
        ma = [m for m in a if m["type"] == "mention"]
        mb = [m for m in b if m["type"] == "mention"]
        self.assertEqual([(m["where"], m["key"]) for m in ma], [(m["where"], m["key"]) for m in mb])
        raw = open(crlf, "rb").read()
        for m in mb:
            self.assertEqual(raw[m["start"]:m["end"]].decode(), m["text"])

    def test_unwritable_output_leaves_no_file(self):
        out = os.path.join(self.d, "no", "such", "dir", "g.graphml")
        r = run("graph", SEED, "-o", out)
        self.assertEqual(r.returncode, 3)
        self.assertIn("cannot create output", r.stderr.decode())
        self.assertFalse(os.path.exists(os.path.dirname(out)))

    def test_full_disk_on_stdout_is_an_error(self):
        with open("/dev/full", "wb") as full:
            r = subprocess.run([BIN, "extract", "--format", "jsonl", SEED], stdout=full,
                               stderr=subprocess.PIPE)
        self.assertEqual(r.returncode, 3)
        self.assertIn("write error", r.stderr.decode())

    def test_output_equal_to_an_input_is_refused(self):
        copy = self.write("seed.txt", open(SEED, "rb").read())
        r = run("extract", "--format", "json", copy, "-o", copy)
        self.assertEqual(r.returncode, 2)
        self.assertEqual(open(copy, "rb").read(), open(SEED, "rb").read())

    def test_output_is_replaced_whole(self):
        out = self.write("m.jsonl", b"old contents\n")
        r = run("extract", SEED, "-o", out)
        self.assertEqual(r.returncode, 0)
        lines = open(out, "rb").read().splitlines()
        self.assertEqual(json.loads(lines[0])["type"], "document")
        self.assertEqual(os.listdir(self.d), ["m.jsonl"])  # no temporary file left

    def test_usage_errors(self):
        self.assertEqual(run("extract", "--format", "yaml", SEED).returncode, 2)
        self.assertEqual(run("frobnicate").returncode, 2)
        self.assertEqual(run("extract").returncode, 2)
        self.assertEqual(run("graph", SEED, "-o", "g.txt").returncode, 2)
        self.assertEqual(run("extract", "--lang", "xx", SEED).returncode, 2)
        r = run("--version")
        self.assertEqual(r.returncode, 0)
        self.assertTrue(r.stdout.startswith(b"instcite "))

    def test_stdin(self):
        r = run("extract", "--format", "jsonl", "-", stdin=open(SEED, "rb").read())
        self.assertEqual(r.returncode, 0)
        recs = [json.loads(l) for l in r.stdout.splitlines()]
        self.assertEqual(recs[0]["name"], "-")
        self.assertEqual(sum(x["type"] == "mention" for x in recs), 19)

    def test_catalog_override(self):
        # A row replaced from --catalog changes the identity's English title.
        cat = self.write("cat.csv", "id,kind,title_en,title_zh\n"
                         "crc,convention,Convention on the Rights of the Child (override),儿童权利公约\n".encode())
        r = run("extract", "--format", "jsonl", "--catalog", cat, SEED)
        self.assertEqual(r.returncode, 0, r.stderr)
        keys = {json.loads(l).get("key") for l in r.stdout.splitlines()}
        self.assertIn("Convention on the Rights of the Child (override)", keys)
        bad = self.write("bad.csv", b'id,kind,title_en\n"unterminated,convention,x\n')
        r = run("extract", "--catalog", bad, SEED)
        self.assertEqual(r.returncode, 3)
        self.assertIn(bad, r.stderr.decode())


class SeedGraph(unittest.TestCase):
    def test_graphml_and_json(self):
        with tempfile.TemporaryDirectory() as d:
            gml, js = os.path.join(d, "g.graphml"), os.path.join(d, "g.json")
            self.assertEqual(run("graph", SEED, "-o", gml).returncode, 0)
            self.assertEqual(run("graph", SEED, "-o", js).returncode, 0)
            if XMLLINT:
                r = subprocess.run([XMLLINT, "--noout", "--nonet", "--schema", XSD, gml],
                                   capture_output=True)
                self.assertEqual(r.returncode, 0, r.stderr.decode())
            r = subprocess.run([sys.executable, CHECK_NX, gml, js], capture_output=True)
            self.assertEqual(r.returncode, 0, r.stdout.decode() + r.stderr.decode())
            data = json.load(open(js))
            ids = {n["id"] for n in data["nodes"]}
            # The document, its 17 cited identities and the three resolutions
            # the catalog says adopted the cited treaties (adopted_by edges).
            self.assertEqual(len(ids), 21)
            self.assertTrue({"A/RES/44/25", "A/RES/54/263", "A/RES/55/25"} <= ids)
            self.assertIn("A/RES/74/174", ids)
            cites = [e for e in data["edges"] if e["source"] == "A/RES/74/174"]
            self.assertEqual(len(cites), 17)
            self.assertEqual(sum(e["weight"] for e in cites), 19)

    def test_timings(self):
        """--timings adds one line on stderr and changes nothing else."""
        plain = run("graph", SEED)
        timed = run("graph", "--timings", SEED)
        self.assertEqual(plain.returncode, 0)
        self.assertEqual(timed.returncode, 0)
        self.assertEqual(plain.stdout, timed.stdout)
        self.assertEqual(plain.stderr, b"")
        lines = timed.stderr.decode().splitlines()
        self.assertEqual(len(lines), 1, lines)
        m = re.fullmatch(r"instcite: timings: read (\d+\.\d{3}) s, graph (\d+\.\d{3}) s, "
                         r"write (\d+\.\d{3}) s, total (\d+\.\d{3}) s", lines[0])
        self.assertIsNotNone(m, lines[0])
        read, graph, write, total = (float(x) for x in m.groups())
        self.assertLessEqual(read + graph + write, total + 0.002)  # rounding of each figure
        # A failed write prints no timings.
        bad = run("graph", "--timings", SEED, "-o", "/nonexistent-dir/g.graphml")
        self.assertNotEqual(bad.returncode, 0)
        self.assertNotIn("timings", bad.stderr.decode())


if __name__ == "__main__":
    prog = unittest.main(argv=[sys.argv[0]], exit=False, verbosity=1)
    res = prog.result
    failed = len(res.failures) + len(res.errors)
    print(f"{res.testsRun - failed} passed, {failed} failed")
    sys.exit(1 if failed else 0)
