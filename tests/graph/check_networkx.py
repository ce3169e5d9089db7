#!/usr/bin/python3
"""Loads the GraphML and the node-link JSON of one graph with networkx and
checks that they describe the same graph: same node ids, same edges, same
attribute values with the same Python types (an int stays an int).

Usage: check_networkx.py WRITE_SAMPLE        (runs it into a temporary dir)
       check_networkx.py FILE.graphml FILE.json
Needs Debian's /usr/bin/python3 with python3-networkx (2.8: node_link_graph
reads the "edges" key with link="edges").
"""
import json
import os
import re
import subprocess
import sys
import tempfile

import networkx as nx

# GraphML node ids are NMTOKENs; the writer encodes every character other
# than ASCII letters, digits, '.' and '-' as _xHHHH_ (see graphml.c).
ESCAPE = re.compile(r"_x([0-9A-F]{4,6})_")


def decode_id(token):
    return ESCAPE.sub(lambda m: chr(int(m.group(1), 16)), token)


def fail(msg):
    print("FAIL:", msg)
    sys.exit(1)


def typed(attrs):
    return {k: (type(v).__name__, v) for k, v in attrs.items()}


def compare(graphml_path, json_path):
    gx = nx.read_graphml(graphml_path)
    gx = nx.relabel_nodes(gx, {n: decode_id(n) for n in gx.nodes})
    with open(json_path, encoding="utf-8") as f:
        data = json.load(f)
    if data.get("directed") is not True or data.get("multigraph") is not False:
        fail("node-link header: directed=%r multigraph=%r"
             % (data.get("directed"), data.get("multigraph")))
    if data.get("graph") != {}:
        fail("graph-level attributes present: %r" % data.get("graph"))
    gj = nx.node_link_graph(data, link="edges")

    if not gx.is_directed() or not gj.is_directed():
        fail("both graphs must be directed")
    if gx.is_multigraph() or gj.is_multigraph():
        fail("no parallel edges expected (GraphML read as multigraph: %s)"
             % gx.is_multigraph())
    if gx.number_of_nodes() != gj.number_of_nodes():
        fail("node counts %d != %d" % (gx.number_of_nodes(), gj.number_of_nodes()))
    if gx.number_of_edges() != gj.number_of_edges():
        fail("edge counts %d != %d" % (gx.number_of_edges(), gj.number_of_edges()))
    if set(gx.nodes) != set(gj.nodes):
        fail("node ids differ: %r" % (set(gx.nodes) ^ set(gj.nodes)))
    # The JSON lists nodes sorted by id (byte order = code point order).
    ids = [n["id"] for n in data["nodes"]]
    if ids != sorted(ids, key=lambda s: s.encode("utf-8")):
        fail("JSON nodes are not sorted by id")

    for n in gj.nodes:
        a, b = typed(gx.nodes[n]), typed(gj.nodes[n])
        if a != b:
            fail("node %r attributes differ:\n graphml %r\n json    %r" % (n, a, b))
        for key in ("in_degree", "weighted_in_degree"):
            if not isinstance(gj.nodes[n].get(key), int):
                fail("node %r: %s is not an int" % (n, key))
        if not isinstance(gj.nodes[n].get("pagerank"), float):
            fail("node %r: pagerank is not a float" % n)
        if not isinstance(gj.nodes[n].get("in_corpus"), bool):
            fail("node %r: in_corpus is not a bool" % n)
    if set(gx.edges) != set(gj.edges):
        fail("edges differ: %r" % (set(gx.edges) ^ set(gj.edges)))
    for u, v in gj.edges:
        a, b = typed(gx.edges[u, v]), typed(gj.edges[u, v])
        if a != b:
            fail("edge %r->%r attributes differ:\n graphml %r\n json    %r" % (u, v, a, b))
        if not isinstance(gj.edges[u, v].get("weight"), int):
            fail("edge %r->%r: weight is not an int" % (u, v))
    print("ok: %d nodes, %d edges agree (networkx %s)"
          % (gj.number_of_nodes(), gj.number_of_edges(), nx.__version__))


def main(argv):
    if len(argv) == 3:
        compare(argv[1], argv[2])
    elif len(argv) == 2:
        with tempfile.TemporaryDirectory() as tmp:
            gml, js = os.path.join(tmp, "sample.graphml"), os.path.join(tmp, "sample.json")
            subprocess.run([argv[1], gml, js], check=True)
            compare(gml, js)
    else:
        print(__doc__)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
