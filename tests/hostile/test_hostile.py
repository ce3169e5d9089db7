#!/usr/bin/python3
"""Bad input never crashes instcite and never loses a result (issue 7), end
to end through the command: bad files each cost one line and the run goes on;
outputs to devices, full files and unwritable places fail cleanly; UTF-16,
GB18030 and invalid bytes keep offsets in the input's bytes; hostile bytes
come out escaped in every structured format.

Usage: test_hostile.py INSTCITE SOURCE_ROOT [XMLLINT]
Prints "N passed, N failed". Tests that need a non-root user run as
'nobody' through setpriv when started as root, and are skipped otherwise.
"""
import csv
import io
import atexit
import json
import os
import resource
import shutil
import signal
import socket
import stat
import subprocess
import sys
import tempfile
import unittest

BIN, ROOT = os.path.abspath(sys.argv[1]), sys.argv[2]
XMLLINT = sys.argv[3] if len(sys.argv) > 3 and sys.argv[3] else None
SEED = os.path.join(ROOT, "datasets", "A_RES_74_174.zh.txt")
GRAPHML_XSD = os.path.join(ROOT, "tests", "schemas", "graphml", "graphml.xsd")
SETPRIV = shutil.which("setpriv")


def run(*args, stdin=None, timeout=60, **kw):
    return subprocess.run([BIN, *args], capture_output=True, input=stdin, timeout=timeout, **kw)


_STAGE = None


def _staged():
    """A world-readable copy of the binary, its library and the seed: the
    build tree may sit under a directory nobody cannot enter (/root)."""
    global _STAGE
    if _STAGE is None:
        _STAGE = tempfile.mkdtemp(prefix="instcite-nobody-")
        atexit.register(shutil.rmtree, _STAGE, True)
        os.chmod(_STAGE, 0o755)
        build = os.path.dirname(BIN)
        for name in os.listdir(build):
            src = os.path.join(build, name)
            if (name == "instcite" or name.startswith("libinstcite.so")) and os.path.isfile(src):
                shutil.copy(src, os.path.join(_STAGE, name))
        shutil.copy(SEED, os.path.join(_STAGE, "seed.txt"))
        for name in os.listdir(_STAGE):
            os.chmod(os.path.join(_STAGE, name), 0o755)
    return _STAGE


def as_nobody(*args):
    """Runs instcite as nobody (from root), or None when that is not possible.
    As nobody, the seed is read from the staged copy."""
    if os.geteuid() != 0:
        return run(*args)
    if not SETPRIV:
        return None
    stage = _staged()
    args = [os.path.join(stage, "seed.txt") if a == SEED else a for a in args]
    return subprocess.run([SETPRIV, "--reuid=65534", "--regid=65534", "--clear-groups",
                           os.path.join(stage, "instcite"), *args], capture_output=True, timeout=60)


def records(out):
    return [json.loads(line) for line in out.splitlines()]


def mentions(recs):
    return [r for r in recs if r["type"] == "mention"]


class Temp(unittest.TestCase):
    def setUp(self):
        self.tmp = tempfile.TemporaryDirectory()
        self.d = self.tmp.name
        os.chmod(self.d, 0o755)

    def tearDown(self):
        self.tmp.cleanup()

    def write(self, name, data):
        path = os.path.join(self.d, name)
        with open(path, "wb") as f:
            f.write(data)
        return path


class BadFiles(Temp):
    def test_each_bad_file_costs_one_line_and_the_run_goes_on(self):
        bad = {}
        bad["missing"] = os.path.join(self.d, "missing.txt")
        bad["loop"] = os.path.join(self.d, "loop")
        os.symlink(bad["loop"] + "2", bad["loop"])
        os.symlink(bad["loop"], bad["loop"] + "2")
        bad["fifo"] = os.path.join(self.d, "fifo")
        os.mkfifo(bad["fifo"])
        bad["zero"] = "/dev/zero"
        bad["null"] = "/dev/null"
        bad["socket"] = os.path.join(self.d, "sock")
        sock = socket.socket(socket.AF_UNIX)
        sock.bind(bad["socket"])
        bad["empty"] = self.write("empty.txt", b"")
        bad["blank"] = self.write("blank.txt", " \r\n\t\u3000\n\ufeff".encode())
        bad["invalid"] = self.write("invalid.txt", "回顾其第73/154号决议".encode() + b"\xc0\xaf")
        big = os.path.join(self.d, "big.txt")
        with open(big, "wb") as f:  # sparse: costs no disk
            f.truncate((1 << 30) + 1)
        bad["big"] = big
        try:
            # The FIFO has no writer: a blocking open would hang (timeout).
            r = run("extract", "--format", "jsonl", *bad.values(), SEED, timeout=60)
        finally:
            sock.close()
        self.assertEqual(r.returncode, 1, r.stderr)
        err = r.stderr.decode().splitlines()
        expect = {
            "missing": "No such file or directory",
            "loop": "Too many levels of symbolic links",
            "fifo": "not a regular file (a FIFO): refused",
            "zero": "not a regular file (a device): refused",
            "null": "not a regular file (a device): refused",
            "socket": "not a regular file (a socket): refused",
            "empty": "no text in input",
            "blank": "no text in input",
            "invalid": "invalid UTF-8 byte 0xC0",
            "big": "larger than the 1 GiB input limit",
        }
        for key, path in bad.items():
            lines = [l for l in err if l.startswith(f"instcite: {path}: ")]
            self.assertEqual(len(lines), 1, f"{key}: {err}")
            self.assertIn(expect[key], lines[0], key)
        self.assertEqual(err[-1], f"instcite: {len(bad)} of {len(bad) + 1} files failed")
        self.assertEqual(len(err), len(bad) + 1)
        recs = records(r.stdout)
        self.assertEqual([x["symbol"] for x in recs if x["type"] == "document"], ["A/RES/74/174"])
        self.assertEqual(len(mentions(recs)), 19)

    def test_standard_input_past_the_limit(self):
        # One byte more than 1 GiB through a pipe: refused after reading at
        # most the limit and one byte; the other input is processed.
        feed = subprocess.Popen(["head", "-c", str((1 << 30) + 1), "/dev/zero"], stdout=subprocess.PIPE)
        r = subprocess.run([BIN, "extract", "-f", "jsonl", "-", SEED], stdin=feed.stdout,
                           capture_output=True, timeout=120)
        feed.stdout.close()
        feed.wait()
        self.assertEqual(r.returncode, 1, r.stderr)
        self.assertIn("instcite: -: input larger than the 1 GiB limit", r.stderr.decode().splitlines())
        self.assertEqual(len(mentions(records(r.stdout))), 19)

    def test_quiet_keeps_only_the_summary(self):
        r = run("extract", "-q", "--format", "jsonl", os.path.join(self.d, "nope"), SEED)
        self.assertEqual(r.returncode, 1)
        self.assertEqual(r.stderr.decode().splitlines(), ["instcite: 1 of 2 files failed"])

    def test_unreadable_file(self):
        path = self.write("secret.txt", open(SEED, "rb").read())
        os.chmod(path, 0)
        r = as_nobody("extract", "--format", "jsonl", path, SEED)
        if r is None:
            self.skipTest("running as root without setpriv: cannot drop privileges")
        self.assertEqual(r.returncode, 1, r.stderr)
        self.assertIn(f"instcite: {path}: Permission denied", r.stderr.decode().splitlines())
        self.assertEqual(len(mentions(records(r.stdout))), 19)

    def test_symlink_to_a_file_is_read(self):
        link = os.path.join(self.d, "link.txt")
        os.symlink(os.path.abspath(SEED), link)
        r = run("extract", "--format", "jsonl", link)
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertEqual(len(mentions(records(r.stdout))), 19)

    def test_graph_goes_on_past_bad_files(self):
        out, alone = os.path.join(self.d, "g.json"), os.path.join(self.d, "alone.json")
        r = run("graph", os.path.join(self.d, "missing.txt"), "/dev/zero", SEED, "-o", out)
        self.assertEqual(r.returncode, 1)
        self.assertIn("instcite: 2 of 3 files failed", r.stderr.decode())
        self.assertEqual(run("graph", SEED, "-o", alone).returncode, 0)
        self.assertEqual(json.load(open(out)), json.load(open(alone)))


class Outputs(Temp):
    def test_devices_are_written_in_place(self):
        r = run("extract", "--format", "jsonl", SEED, "-o", "/dev/null")
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertTrue(stat.S_ISCHR(os.stat("/dev/null").st_mode))
        self.assertFalse([n for n in os.listdir("/dev") if ".tmp." in n])
        for args in (["extract", "-f", "jsonl"], ["graph", "-f", "graphml"]):
            r = run(*args, SEED, "-o", "/dev/full")
            self.assertEqual(r.returncode, 3, args)
            self.assertTrue(r.stderr.decode().startswith("instcite: /dev/full: "), r.stderr)
        self.assertTrue(stat.S_ISCHR(os.stat("/dev/full").st_mode))

    def test_file_size_limit_leaves_no_partial_file(self):
        # A write that fails half way (as on a full disk): EFBIG past 2 kB.
        def limit():
            signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
            resource.setrlimit(resource.RLIMIT_FSIZE, (2048, 2048))
        for args in (["extract", "--format", "jsonl"], ["graph"]):
            out = os.path.join(self.d, "out.json" if args[0] == "graph" else "out.jsonl")
            r = subprocess.run([BIN, *args, SEED, "-o", out], capture_output=True, preexec_fn=limit)
            self.assertEqual(r.returncode, 3, r.stderr)
            self.assertTrue(r.stderr.decode().startswith(f"instcite: {out}: "), r.stderr)
            self.assertEqual(os.listdir(self.d), [], args)

    def test_unwritable_directory(self):
        ro = os.path.join(self.d, "ro")
        os.mkdir(ro, 0o555)
        out = os.path.join(ro, "g.graphml")
        r = as_nobody("graph", SEED, "-o", out)
        if r is None:
            self.skipTest("running as root without setpriv: cannot drop privileges")
        self.assertEqual(r.returncode, 3)
        self.assertIn(f"instcite: {out}: cannot create output: Permission denied", r.stderr.decode())
        self.assertEqual(os.listdir(ro), [])


class Encodings(Temp):
    def seed_keys(self):
        return [(m["where"], m["key"]) for m in mentions(records(run("extract", "-f", "jsonl", SEED).stdout))]

    def check(self, path, codec, *opts, warning=None):
        r = run("extract", "-f", "jsonl", *opts, path)
        self.assertEqual(r.returncode, 0, r.stderr)
        recs = records(r.stdout)
        ms = mentions(recs)
        self.assertEqual([(m["where"], m["key"]) for m in ms], self.seed_keys())
        raw = open(path, "rb").read()
        for m in ms:
            self.assertEqual(raw[m["start"]:m["end"]].decode(codec), m["text"])
        codes = [x["code"] for x in recs if x["type"] == "warning"]
        if warning:
            self.assertIn(warning, codes)
        else:
            self.assertNotIn("encoding-detected", codes)

    def test_utf16_with_bom(self):
        text = open(SEED, encoding="utf-8").read()
        self.check(self.write("le.txt", text.encode("utf-16")), "utf-16-le")  # BOM + LE
        self.check(self.write("be.txt", b"\xfe\xff" + text.encode("utf-16-be")), "utf-16-be")
        self.check(self.write("crlf.txt", b"\xff\xfe" + text.replace("\n", "\r\n").encode("utf-16-le")),
                   "utf-16-le")

    def test_gb18030_detected_or_named(self):
        path = self.write("gb.txt", open(SEED, encoding="utf-8").read().encode("gb18030"))
        self.check(path, "gb18030", warning="encoding-detected")
        self.check(path, "gb18030", "--encoding", "gb18030")

    def test_invalid_bytes_replaced_with_warnings(self):
        seed = open(SEED, "rb").read()
        cut = seed.index("《儿童权利公约》".encode())
        data = seed[:cut] + b"\xff\xed\xa0\x80" + seed[cut:]  # a stray byte, a UTF-8 surrogate
        path = self.write("bad.txt", data)
        self.assertEqual(run("extract", "-f", "jsonl", path).returncode, 1)
        r = run("extract", "-f", "jsonl", "--invalid", "replace", path)
        self.assertEqual(r.returncode, 0, r.stderr)
        recs = records(r.stdout)
        self.assertEqual([(m["where"], m["key"]) for m in mentions(recs)], self.seed_keys())
        for m in mentions(recs):
            self.assertEqual(data[m["start"]:m["end"]].decode(), m["text"])
        warns = [x for x in recs if x["type"] == "warning" and x["code"] == "invalid-replaced"]
        self.assertEqual([(w["start"], w["end"]) for w in warns],
                         [(cut + i, cut + i + 1) for i in range(4)])

    def test_usage_errors(self):
        self.assertEqual(run("extract", "--encoding", "ebcdic", SEED).returncode, 2)
        self.assertEqual(run("extract", "--invalid", "ignore", SEED).returncode, 2)
        self.assertEqual(run("graph", "--encoding", "nope", SEED, "-o", "x.json").returncode, 2)


HOSTILE = ("第七十四届会议\n议程项目106\n2019年12月18日大会决议\n大会，\n"
           "回顾《关于\x01\x02<&>\"'=cmd|\u2028\u2029\\x公约》¹和其第73/154号决议\x00\x1b[31m，\n"
           "又回顾《儿童权利公约》\x0b\x7f，和“=HYPERLINK(\"x\")”\n"
           "1. 决定\ud800继续审议\udfff。\n"
           "¹ 联合国，《条约汇编》，第\x01卷，第2237卷，第39574号。\n").encode("utf-8", "surrogatepass")
# Every byte that XML 1.0 and JSON forbid raw, as the writers see them.
CONTROLS = {chr(c) for c in range(0x20)} - {"\n", "\t", "\r"}


class Escaping(Temp):
    """Hostile bytes in the text and in the file name (which any byte but
    NUL and '/' may be) through every structured output."""

    def setUp(self):
        super().setUp()
        name = os.path.join(self.d.encode(), b'a"<&>\x01\x1b,=1+2\xff\xfe.txt')
        with open(name, "wb") as f:
            f.write(HOSTILE)
        self.input = name

    def extract(self, fmt):
        r = run("extract", "--invalid", "replace", "-l", "zh", "-f", fmt, self.input)
        self.assertEqual(r.returncode, 0, r.stderr)
        return r.stdout.decode("utf-8")  # must be UTF-8

    def test_jsonl_and_json_parse(self):
        out = self.extract("jsonl")
        recs = records(out)
        self.assertFalse(CONTROLS & set(out))
        self.assertTrue(any(m["key"] == "A/RES/73/154" for m in mentions(recs)))
        self.assertIn("\ufffd", recs[0]["name"])  # the bad name bytes, replaced
        self.assertTrue(recs[0]["name"].endswith('a"<&>\x01\x1b,=1+2\ufffd\ufffd.txt'))
        doc = json.loads(self.extract("json"))
        self.assertEqual(doc["documents"][0]["name"], recs[0]["name"])

    def test_csv_parses_and_defuses_formulas(self):
        rows = list(csv.reader(io.StringIO(self.extract("csv"))))
        self.assertGreater(len(rows), 1)
        width = len(rows[0])
        for row in rows[1:]:
            self.assertEqual(len(row), width)
            for cell in row:
                self.assertFalse(cell[:1] in ("=", "+", "-", "@") and not cell.lstrip("-").replace(".", "").isdigit(),
                                 cell)

    def graph(self, ext):
        out = os.path.join(self.d, "g." + ext)
        r = run("graph", "--invalid", "replace", "-l", "zh", self.input, "-o", out)
        self.assertEqual(r.returncode, 0, r.stderr)
        data = open(out, "rb").read().decode("utf-8")
        self.assertFalse(CONTROLS & set(data), ext)
        return out, data

    def test_graphml_and_gexf_are_well_formed_xml(self):
        if not XMLLINT:
            self.skipTest("xmllint not installed")
        out, _ = self.graph("graphml")
        r = subprocess.run([XMLLINT, "--noout", "--nonet", "--schema", GRAPHML_XSD, out], capture_output=True)
        self.assertEqual(r.returncode, 0, r.stderr.decode())
        out, _ = self.graph("gexf")
        r = subprocess.run([XMLLINT, "--noout", "--nonet", out], capture_output=True)
        self.assertEqual(r.returncode, 0, r.stderr.decode())

    def test_node_link_and_cytoscape_json_parse(self):
        _, data = self.graph("json")
        g = json.loads(data)
        self.assertIn("A/RES/73/154", {n["id"] for n in g["nodes"]})
        _, data = self.graph("cyjs")
        json.loads(data)

    def test_html_escapes_markup(self):
        _, data = self.graph("html")
        self.assertNotIn('a"<&>', data)
        self.assertIn("a&quot;&lt;&amp;&gt;", data)


if __name__ == "__main__":
    prog = unittest.main(argv=[sys.argv[0]], exit=False, verbosity=1)
    res = prog.result
    failed = len(res.failures) + len(res.errors)
    print(f"{res.testsRun - failed} passed, {failed} failed, {len(res.skipped)} skipped")
    sys.exit(1 if failed else 0)
