#!/usr/bin/python3
"""Corpus tests: the graph of many documents, --from-jsonl, analyze and
compare against networkx 2.8 (Debian's python3-networkx) and plain Python.

    check_corpus.py INSTCITE ROOT [--only NAME]

Run from anywhere; documents are named by paths relative to ROOT (the tests
chdir there), as a user would type them. Prints "N passed, N failed".
"""

import csv
import io
import warnings
import itertools
import json
import os
import shutil
import subprocess
import sys
import tempfile
import unittest

import networkx as nx
import numpy as np

EXE = os.path.abspath(sys.argv[1])
ROOT = os.path.abspath(sys.argv[2])
DATA = "tests/corpus/data"
SEED = "datasets/A_RES_74_174.zh.txt"
CORPUS = [DATA, SEED]


def run(*args, stdin=None):
    return subprocess.run([EXE, *args], cwd=ROOT, capture_output=True, input=stdin)


def ok(*args, stdin=None):
    r = run(*args, stdin=stdin)
    if r.returncode != 0:
        raise AssertionError(f"instcite {' '.join(args)}: exit {r.returncode}\n{r.stderr.decode()}")
    return r.stdout


def load_graph(raw):
    return nx.node_link_graph(json.loads(raw), link="edges")


def records(raw):
    return [json.loads(l) for l in raw.decode().splitlines() if l.strip()]


class FromJsonl(unittest.TestCase):
    """extract --format jsonl, then graph --from-jsonl: the same bytes."""

    def test_identical_graphs_from_shards_and_stdin(self):
        direct = ok("graph", "-f", "graphml", *CORPUS)
        direct_json = ok("graph", "-f", "json", *CORPUS)
        lines = ok("extract", "-f", "jsonl", *CORPUS).decode().splitlines(keepends=True)
        # Two shards split between documents, as two machines would write.
        starts = [i for i, l in enumerate(lines) if json.loads(l)["type"] == "document"]
        cut = starts[len(starts) // 2]
        with tempfile.TemporaryDirectory() as d:
            a, b = os.path.join(d, "a.jsonl"), os.path.join(d, "b.jsonl")
            for path, part in ((a, lines[:cut]), (b, lines[cut:])):
                with open(path, "w", encoding="utf-8") as f:
                    f.write("".join(part))
            self.assertEqual(ok("graph", "--from-jsonl", "-f", "graphml", a, b), direct)
            self.assertEqual(ok("graph", "--from-jsonl", "-f", "json", a, b), direct_json)
            # A directory of shards is read in name order: the same again.
            self.assertEqual(ok("graph", "--from-jsonl", "-f", "graphml", d), direct)
        self.assertEqual(ok("graph", "--from-jsonl", "-f", "graphml", "-",
                            stdin="".join(lines).encode()), direct)

    def test_records_round_trip(self):
        """JSONL read back and written again is the same stream."""
        raw = ok("extract", "-f", "jsonl", *CORPUS)
        again = ok("extract", "--from-jsonl", "-f", "jsonl", "-", stdin=raw)
        self.assertEqual(again, raw)


class GoldenShape(unittest.TestCase):
    """What the merged graph must hold (the golden file holds the bytes)."""

    def test_merge(self):
        g = load_graph(ok("graph", "-f", "json", *CORPUS))
        corpus = {n for n, a in g.nodes(data=True) if a["in_corpus"]}
        self.assertEqual(corpus, {"A/RES/74/174", "A/RES/75/147", "A/RES/75/299", "A/RES/76/124",
                                  "A/RES/76/237", "A/RES/77/215", "A/RES/77/235"})
        # Both texts of 74/174 are one node, cited by two synthetic ones.
        self.assertEqual(g.nodes["A/RES/74/174"]["lang"], "en;zh")
        cited_by = [u for u, _, a in g.in_edges("A/RES/74/174", data=True) if a["type"] == "cites"]
        self.assertEqual(sorted(cited_by), ["A/RES/75/299", "A/RES/76/237"])
        self.assertEqual(g.nodes["A/RES/74/174"]["cited_by"], 2)
        e = g.edges["A/RES/74/174", "Convention on the Rights of the Child"]
        self.assertEqual((e["weight"], e["clauses"], e["verbs"], e["lang"]),
                         (2, "recall", "Recalling;回顾", "en;zh"))
        # The date the citing text gives agrees with the cited document's own.
        e = g.edges["A/RES/76/237", "A/RES/75/147"]
        self.assertEqual(e["paragraphs"], "PP1")
        self.assertEqual(g.nodes["A/RES/75/147"]["date"], "2020-12-22")
        # Catalog relations as typed edges.
        self.assertEqual(g.edges["Convention on the Rights of the Child", "A/RES/44/25"]["type"],
                         "adopted_by")
        self.assertEqual(g.nodes["A/RES/44/25"]["session"], 44)


class Analyze(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.g = load_graph(ok("graph", "-f", "json", *CORPUS))
        cls.a = json.loads(ok("analyze", "-f", "json", "--top", "100000", *CORPUS))
        cls.nodes = {n["id"]: n for n in cls.a["nodes"]}

    def test_same_nodes_in_id_order(self):
        ids = [n["id"] for n in self.a["nodes"]]
        self.assertEqual(ids, sorted(self.g.nodes))
        self.assertEqual(self.a["graph"]["nodes"], self.g.number_of_nodes())
        self.assertEqual(self.a["graph"]["edges"], self.g.number_of_edges())

    def test_degrees(self):
        for n in self.g.nodes:
            got = self.nodes[n]
            self.assertEqual(got["in_degree"], self.g.in_degree(n), n)
            self.assertEqual(got["out_degree"], self.g.out_degree(n), n)
            self.assertEqual(got["weighted_in_degree"], self.g.in_degree(n, weight="weight"), n)
            cites = sum(1 for _, _, a in self.g.in_edges(n, data=True) if a["type"] == "cites")
            self.assertEqual(got["cited_by"], cites, n)

    def test_pagerank(self):
        want = nx.pagerank(self.g, alpha=0.85, weight="weight", tol=1e-13, max_iter=10000)
        for n, p in want.items():
            self.assertAlmostEqual(self.nodes[n]["pagerank"], p, delta=1e-6, msg=n)
            # The graph file carries the same value.
            self.assertAlmostEqual(self.g.nodes[n]["pagerank"], p, delta=1e-6, msg=n)

    def test_hits(self):
        nodes = sorted(self.g.nodes)
        A = nx.to_numpy_array(self.g, nodelist=nodes, weight="weight")
        for key, M in (("authority", A.T @ A), ("hub", A @ A.T)):
            v = np.array([self.nodes[n][key] for n in nodes])
            self.assertAlmostEqual(v.max(), 1.0, delta=1e-9)
            lam = np.linalg.eigvalsh(M)
            # An eigenvector of the largest eigenvalue (the definition; when
            # that eigenvalue is repeated any such vector is correct).
            np.testing.assert_allclose(M @ v, lam[-1] * v, atol=1e-6 * max(1.0, lam[-1]))
            if lam[-1] - lam[-2] > 1e-6:
                hubs, auths = nx.hits(self.g, max_iter=100000, tol=1e-14)
                want = auths if key == "authority" else hubs
                top = max(want.values())
                for i, n in enumerate(nodes):
                    self.assertAlmostEqual(v[i], want[n] / top, delta=1e-6, msg=(key, n))

    def test_betweenness(self):
        want = nx.betweenness_centrality(self.g, normalized=False)
        for n, b in want.items():
            self.assertAlmostEqual(self.nodes[n]["betweenness"], b, delta=1e-9, msg=n)

    def test_coreness(self):
        want = nx.core_number(self.g)
        for n, k in want.items():
            self.assertEqual(self.nodes[n]["coreness"], k, n)

    def test_components(self):
        want = {frozenset(c) for c in nx.weakly_connected_components(self.g)}
        got = {}
        for n, a in self.nodes.items():
            got.setdefault(a["component"], set()).add(n)
        self.assertEqual({frozenset(c) for c in got.values()}, want)
        self.assertEqual(self.a["components"]["count"], len(want))
        # Numbered by their first node in id order.
        firsts = [min(c) for c in got.values()]
        self.assertEqual([self.nodes[f]["component"] for f in sorted(firsts)],
                         list(range(len(firsts))))

    def test_communities_modularity(self):
        u = nx.Graph()
        u.add_nodes_from(self.g.nodes)
        for s, t, a in self.g.edges(data=True):
            w = a["weight"] + (u.edges[s, t]["weight"] if u.has_edge(s, t) else 0)
            u.add_edge(s, t, weight=w)
        parts = {}
        for n, a in self.nodes.items():
            parts.setdefault(a["community"], set()).add(n)
        self.assertEqual(self.a["communities"]["count"], len(parts))
        self.assertEqual(self.a["communities"]["graph"], "undirected")
        q = nx.algorithms.community.modularity(u, parts.values(), weight="weight")
        self.assertAlmostEqual(self.a["communities"]["modularity"], q, delta=1e-9)
        self.assertGreater(q, 0.3)

    def cites(self):
        return [(s, t) for s, t, a in self.g.edges(data=True) if a["type"] == "cites"]

    def test_cocited_and_coupled(self):
        out, inn = {}, {}
        for s, t in self.cites():
            out.setdefault(s, set()).add(t)
            inn.setdefault(t, set()).add(s)
        for key, lists in (("cocited", out), ("coupled", inn)):
            count = {}
            for items in lists.values():
                for a, b in itertools.combinations(sorted(items), 2):
                    count[a, b] = count.get((a, b), 0) + 1
            want = sorted(count.items(), key=lambda kv: (-kv[1], kv[0][0], kv[0][1]))
            got = [((p["a"], p["b"]), p["count"]) for p in self.a[key]]
            self.assertEqual(got, want, key)

    def test_citation_age(self):
        ages = []
        for s, t in self.cites():
            ys, yt = self.g.nodes[s].get("year"), self.g.nodes[t].get("year")
            if ys and yt:
                ages.append(ys - yt)
        age = self.a["citation_age"]
        self.assertEqual(age["citations"], len(ages))
        hist = {}
        for x in ages:
            hist[x] = hist.get(x, 0) + 1
        self.assertEqual([(h["years"], h["count"]) for h in age["histogram"]], sorted(hist.items()))
        self.assertAlmostEqual(age["mean"], sum(ages) / len(ages), delta=1e-9)
        self.assertAlmostEqual(age["median"], float(np.median(ages)), delta=1e-9)

    def test_most_cited(self):
        for attr, key in (("kind", "by_kind"), ("body", "by_body")):
            groups = {}
            for n, a in self.g.nodes(data=True):
                c = self.nodes[n]["cited_by"]
                if c and a.get(attr):
                    mentions = sum(d["weight"] for _, _, d in self.g.in_edges(n, data=True)
                                   if d["type"] == "cites")
                    groups.setdefault(a[attr], []).append((-c, -mentions, n))
            want = {k: [n for _, _, n in sorted(v)] for k, v in groups.items()}
            got = {k: [x["id"] for x in v] for k, v in self.a["most_cited"][key].items()}
            self.assertEqual(got, want, key)
            self.assertEqual(list(self.a["most_cited"][key]), sorted(want))

    def test_deterministic_and_other_formats(self):
        again = ok("analyze", "-f", "json", "--top", "100000", *CORPUS)
        self.assertEqual(json.loads(again), self.a)
        rows = list(csv.DictReader(io.StringIO(ok("analyze", "-f", "csv", *CORPUS).decode())))
        self.assertEqual([r["id"] for r in rows], [n["id"] for n in self.a["nodes"]])
        for r in rows:
            self.assertAlmostEqual(float(r["pagerank"]), self.nodes[r["id"]]["pagerank"], delta=0)
        table = ok("analyze", "-f", "table", *CORPUS).decode()
        self.assertIn("undirected view", table)
        # From JSONL: the same analysis.
        raw = ok("extract", "-f", "jsonl", *CORPUS)
        self.assertEqual(ok("analyze", "--from-jsonl", "-f", "json", "--top", "100000", "-",
                            stdin=raw), again)


def doc_sets(paths):
    """Per input file: the identities its `cites` edges reach, read through
    networkx from the file's own graph."""
    sets = []
    for p in paths:
        g = load_graph(ok("graph", "-f", "json", p))
        doc = next(n for n, a in g.nodes(data=True) if a["in_corpus"])
        sets.append((doc, p, {t for _, t, a in g.out_edges(doc, data=True) if a["type"] == "cites"}))
    return sets


def files_of(*paths):
    out = []
    for p in paths:
        full = os.path.join(ROOT, p)
        if os.path.isdir(full):
            out += [os.path.join(p, f) for f in sorted(os.listdir(full)) if not f.startswith(".")]
        else:
            out.append(p)
    return out


def jaccard(a, b):
    return len(a & b) / len(a | b) if a | b else 0.0


class Compare(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.files = files_of(*CORPUS)
        cls.sets = doc_sets(cls.files)

    def test_two_languages_are_equal(self):
        r = json.loads(ok("compare", "-f", "json", f"{DATA}/A_RES_74_174.en.txt", SEED))
        self.assertEqual((r["shared"], r["only_a"], r["only_b"]), (17, 0, 0))
        self.assertEqual((r["jaccard"], r["overlap"]), (1.0, 1.0))
        self.assertEqual(r["a"]["doc"], r["b"]["doc"])

    def test_pair_against_sets(self):
        (da, pa, a), (db, pb, b) = self.sets[1], self.sets[4]
        r = json.loads(ok("compare", "-f", "json", pa, pb))
        self.assertEqual(set(r["shared_identities"]), a & b)
        self.assertEqual(set(r["only_a_identities"]), a - b)
        self.assertEqual(set(r["only_b_identities"]), b - a)
        self.assertEqual(r["jaccard"], jaccard(a, b))
        self.assertEqual(r["overlap"], len(a & b) / min(len(a), len(b)))

    def test_directory_side_is_the_union(self):
        with tempfile.TemporaryDirectory() as d:
            for f in ("A_RES_75_147.zh.txt", "A_RES_75_299.zh.txt"):
                shutil.copy(os.path.join(ROOT, DATA, f), d)
            r = json.loads(ok("compare", "-f", "json", d, f"{DATA}/A_RES_76_237.zh.txt"))
            union = set().union(*(s for _, p, s in self.sets
                                  if p.endswith(("A_RES_75_147.zh.txt", "A_RES_75_299.zh.txt"))))
            other = next(s for _, p, s in self.sets if p.endswith("A_RES_76_237.zh.txt"))
            self.assertEqual(r["a"]["doc"], d)
            self.assertEqual(r["a"]["identities"], len(union))
            self.assertEqual(set(r["shared_identities"]), union & other)
            self.assertEqual(r["jaccard"], jaccard(union, other))

    def test_clause_change(self):
        r = json.loads(ok("compare", "-f", "json", f"{DATA}/A_RES_76_124.zh.txt",
                          f"{DATA}/A_RES_77_215.zh.txt"))
        self.assertEqual(r["clause_changes"], [{
            "identity": "Second Optional Protocol to the International Covenant on Civil and "
                        "Political Rights, aiming at the abolition of the death penalty",
            "a": "call_upon", "b": "bear_in_mind"}])

    def test_matrix(self):
        rows = list(csv.DictReader(io.StringIO(ok("compare", "--matrix", *CORPUS).decode())))
        pairs = list(itertools.combinations(range(len(self.sets)), 2))
        self.assertEqual(len(rows), len(pairs))
        for row, (i, j) in zip(rows, pairs):
            (da, pa, a), (db, pb, b) = self.sets[i], self.sets[j]
            self.assertEqual((row["a"], row["a_name"], row["b"], row["b_name"]), (da, pa, db, pb))
            self.assertEqual(int(row["shared"]), len(a & b))
            self.assertEqual(float(row["jaccard"]), jaccard(a, b), (da, db))
            self.assertEqual(float(row["overlap"]),
                             len(a & b) / min(len(a), len(b)) if a and b else 0.0)

    def test_nearest_small(self):
        self.check_nearest(self.sets, ok("compare", "--nearest", "3", *CORPUS), 3)

    def test_nearest_synthetic_300(self):
        """The pruned inverted-index search equals brute force on 300
        generated documents with skewed (popular) instruments."""
        with tempfile.TemporaryDirectory() as d:
            subprocess.run([sys.executable, os.path.join(ROOT, "scripts/gen_corpus.py"), "-n",
                            "300", "--seed", "7", "-o", d], check=True)
            raw = ok("extract", "-f", "jsonl", d)
            sets = []
            for r in records(raw):
                if r["type"] == "document":
                    sets.append((r["doc"], r["name"], set()))
                elif r["type"] == "mention" and r["key"] != r["doc"]:
                    sets[-1][2].add(r["key"])
            for k in (1, 5, 10):
                self.check_nearest(sets, ok("compare", "--nearest", str(k), "--from-jsonl", "-",
                                            stdin=raw), k)
            # JSON Lines output says the same.
            js = [json.loads(l) for l in
                  ok("compare", "--nearest", "5", "-f", "json", "--from-jsonl", "-",
                     stdin=raw).decode().splitlines()]
            self.assertEqual(len(js), len(sets))

    def check_nearest(self, sets, out, k):
        rows = list(csv.DictReader(io.StringIO(out.decode())))
        got = {}
        for r in rows:
            got.setdefault(r["name"], []).append((r["other_name"], int(r["shared"]),
                                                  float(r["jaccard"])))
        for i, (doc, name, s) in enumerate(sets):
            cand = []
            for j, (_, oname, t) in enumerate(sets):
                if j != i and s & t:
                    cand.append((-jaccard(s, t), -len(s & t), j, oname))
            cand.sort()
            want = [(o, -sh, -jac) for jac, sh, _, o in cand[:k]]
            self.assertEqual(got.get(name, []), want, name)


class BadInput(unittest.TestCase):
    def setUp(self):
        self.dir = tempfile.TemporaryDirectory()
        self.d = self.dir.name

    def tearDown(self):
        self.dir.cleanup()

    def test_failing_document_is_reported_and_skipped(self):
        corpus = os.path.join(self.d, "corpus")
        shutil.copytree(os.path.join(ROOT, DATA), corpus)
        bad = os.path.join(corpus, "A_RES_76_200.zh.txt")
        with open(bad, "wb") as f:
            f.write("回顾其第73/154号决议".encode() + b"\xff rest")
        r = run("graph", "-f", "json", corpus)
        self.assertEqual(r.returncode, 1)
        err = r.stderr.decode()
        self.assertIn(f"{bad}: byte 27: invalid UTF-8", err)
        self.assertIn("1 of 8 files failed", err)
        g = load_graph(r.stdout)
        good = load_graph(ok("graph", "-f", "json", DATA))
        self.assertEqual(set(g.nodes), set(good.nodes))

    def test_malformed_jsonl_line(self):
        lines = ok("extract", "-f", "jsonl", DATA).decode().splitlines(keepends=True)
        docs = [i for i, l in enumerate(lines) if json.loads(l)["type"] == "document"]
        # Break a mention of the third document.
        n = docs[2] + 2
        victim = json.loads(lines[docs[2]])["doc"]
        lines[n] = lines[n][: len(lines[n]) // 2] + "\n"
        r = run("graph", "--from-jsonl", "-f", "json", "-", stdin="".join(lines).encode())
        self.assertEqual(r.returncode, 1)
        err = r.stderr.decode()
        self.assertIn(f"standard input: line {n + 1}: not valid JSON (document {victim} skipped)",
                      err)
        self.assertIn("1 of 7 documents failed", err)
        g = load_graph(r.stdout)
        corpus = {x for x, a in g.nodes(data=True) if a["in_corpus"]}
        self.assertEqual(len(corpus), 6)
        self.assertNotIn(victim, corpus)
        # A record of the wrong shape, and one of another document.
        for broken, why in (('{"type": "mention", "doc": "%s", "where": 7}', "field \"where\" is not a string"),
                            ('{"type": "mention", "doc": "X", "where": "PP1", "key": "k"}', "record of another document"),
                            ('[1, 2]', "not a record")):
            bad = list(lines)
            bad[n] = broken.replace("%s", victim) + "\n" if "%s" in broken else broken + "\n"
            r = run("graph", "--from-jsonl", "-f", "json", "-", stdin="".join(bad).encode())
            self.assertEqual(r.returncode, 1)
            self.assertIn(f"line {n + 1}: ", r.stderr.decode())
            self.assertIn(why, r.stderr.decode())

    def test_malformed_document_record_keeps_the_previous_document(self):
        lines = ok("extract", "-f", "jsonl", DATA).decode().splitlines(keepends=True)
        docs = [i for i, l in enumerate(lines) if json.loads(l)["type"] == "document"]
        lines[docs[1]] = '{"type": "document"}\n'
        r = run("graph", "--from-jsonl", "-f", "json", "-", stdin="".join(lines).encode())
        self.assertEqual(r.returncode, 1)
        self.assertIn(f"line {docs[1] + 1}: ", r.stderr.decode())
        g = load_graph(r.stdout)
        self.assertEqual(sum(1 for _, a in g.nodes(data=True) if a["in_corpus"]), 6)

    def test_symlink_loop_is_reported_not_followed(self):
        corpus = os.path.join(self.d, "corpus")
        shutil.copytree(os.path.join(ROOT, DATA), corpus)
        os.symlink("..", os.path.join(corpus, "up"))
        os.symlink("loop", os.path.join(corpus, "loop"))
        sub = os.path.join(corpus, "sub")
        os.mkdir(sub)
        os.symlink(corpus, os.path.join(sub, "back"))
        os.mkfifo(os.path.join(corpus, "fifo"))
        r = run("graph", "-f", "graphml", corpus)
        err = r.stderr.decode()
        self.assertIn(f"{sub}/back: a link back to a directory above it; not followed", err)
        self.assertIn(f"{corpus}/loop: Too many levels of symbolic links", err)
        # "up" leads to the temporary directory, which holds the corpus again.
        self.assertIn(f"{corpus}/up/corpus: a link back to a directory above it; not followed",
                      err)
        self.assertEqual(r.returncode, 1)  # the dangling loop link is a failed input
        self.assertEqual(r.stdout, ok("graph", "-f", "graphml", DATA))

    def test_output_inside_an_input_directory(self):
        corpus = os.path.join(self.d, "corpus")
        shutil.copytree(os.path.join(ROOT, DATA), corpus)
        out = os.path.join(corpus, "graph.graphml")
        self.assertEqual(run("graph", corpus, "-o", out).returncode, 0)
        r = run("graph", corpus, "-o", out)
        self.assertEqual(r.returncode, 2)
        self.assertIn("is also an input", r.stderr.decode())


if __name__ == "__main__":
    # networkx 2.8 announces its 3.0 changes on every call.
    warnings.simplefilter("ignore", DeprecationWarning)
    warnings.simplefilter("ignore", FutureWarning)
    argv = [sys.argv[0]] + sys.argv[3:]
    res = unittest.main(argv=argv, exit=False, verbosity=1).result
    failed = len(res.failures) + len(res.errors)
    print(f"{res.testsRun - failed} passed, {failed} failed")
    sys.exit(1 if failed else 0)
