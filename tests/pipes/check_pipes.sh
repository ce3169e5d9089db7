#!/bin/sh
# Every subcommand in a pipe: `-` reads standard input, output goes to
# standard output unless -o, and JSON Lines from `extract` feed `graph`,
# `analyze`, `compare` and `extract` itself through --from-jsonl.
#
#   check_pipes.sh INSTCITE SRCROOT PYTHON
set -u

exe=$1
root=$2
python=$3
seed=$root/datasets/A_RES_74_174.zh.txt
en=$root/datasets/en/A_RES_74_174.txt

tmp=$(mktemp -d "${TMPDIR:-/tmp}/instcite-pipes.XXXXXX")
trap 'rm -rf "$tmp"' EXIT INT TERM
failed=0

ok() { echo "ok   $*"; }
fail() {
    echo "FAIL $*" >&2
    failed=$((failed + 1))
}

# The pipe of the issue: extraction records straight into a GEXF file, the
# same file `graph` writes from the text itself.
if "$exe" extract --format jsonl "$seed" | "$exe" graph --from-jsonl - -o "$tmp/g.gexf" &&
    "$exe" graph "$seed" -o "$tmp/direct.gexf" && cmp -s "$tmp/g.gexf" "$tmp/direct.gexf"; then
    ok "extract --format jsonl | graph --from-jsonl - -o g.gexf (the same bytes as graph FILE)"
else
    fail "extract --format jsonl | graph --from-jsonl - -o g.gexf"
fi
if command -v xmllint >/dev/null 2>&1; then
    xmllint --noout "$tmp/g.gexf" && ok "g.gexf is well-formed XML" || fail "g.gexf is not well-formed"
fi

# extract: standard input in, JSON Lines out (not a terminal).
n=$(cat "$seed" | "$exe" extract - | grep -c '"type":"mention"')
first=$(cat "$seed" | "$exe" extract - | head -n 1)
case "$first" in
*'"name":"-"'*) [ "$n" = 19 ] && ok "cat FILE | extract -: 19 mention records, name \"-\"" ||
    fail "cat FILE | extract -: $n mentions" ;;
*) fail "cat FILE | extract -: first record $first" ;;
esac

# extract --from-jsonl: records read back and written again, unchanged.
"$exe" extract -f jsonl "$seed" "$en" >"$tmp/both.jsonl"
if "$exe" extract -f jsonl "$seed" "$en" | "$exe" extract --from-jsonl - -f jsonl |
    cmp -s - "$tmp/both.jsonl"; then
    ok "extract -f jsonl | extract --from-jsonl - -f jsonl gives the same records"
else
    fail "extract -f jsonl | extract --from-jsonl - -f jsonl changed the records"
fi

# graph: standard input in, GraphML on standard output by default; -o - too.
head=$(cat "$seed" | "$exe" graph - | head -c 200)
case "$head" in
*"<graphml"*) ok "cat FILE | graph -: GraphML on standard output" ;;
*) fail "cat FILE | graph -: $head" ;;
esac
if "$exe" graph "$seed" -f json -o - | "$python" -c '
import json, sys
g = json.load(sys.stdin)
assert len(g["nodes"]) == 21 and len(g["edges"]) == 26, (len(g["nodes"]), len(g["edges"]))'; then
    ok "graph -f json -o -: node-link JSON on standard output"
else
    fail "graph -f json -o -"
fi

# analyze: JSON on standard output when it is not a terminal.
if "$exe" extract -f jsonl "$seed" | "$exe" analyze --from-jsonl - | "$python" -c '
import json, sys
a = json.load(sys.stdin)
assert a["graph"]["nodes"] == 21, a["graph"]'; then
    ok "extract | analyze --from-jsonl -: JSON report on standard output"
else
    fail "extract | analyze --from-jsonl -"
fi

# compare: one side from standard input; the Chinese and English texts of
# one resolution cite the same identities.
"$exe" extract -f jsonl "$en" >"$tmp/en.jsonl"
if "$exe" extract -f jsonl "$seed" | "$exe" compare --from-jsonl - "$tmp/en.jsonl" -f json |
    "$python" -c '
import json, sys
c = json.load(sys.stdin)
assert c["jaccard"] == 1.0 and c["shared"] == 17, c'; then
    ok "extract | compare --from-jsonl - B.jsonl: zh and en texts cite the same 17 identities"
else
    fail "extract | compare --from-jsonl - B.jsonl"
fi

# text: standard input in, standard output out.
if "$exe" text - <"$seed" | cmp -s - "$seed"; then
    ok "text - < FILE prints the text as it is"
else
    fail "text - < FILE"
fi

# An empty stream (a producer that found nothing) is an empty graph.
if printf '' | "$exe" graph --from-jsonl - -o "$tmp/empty.graphml" &&
    grep -q '<graphml' "$tmp/empty.graphml"; then
    ok "an empty stream: graph --from-jsonl - writes an empty graph, status 0"
else
    fail "an empty stream: graph --from-jsonl -"
fi

[ "$failed" = 0 ] || { echo "$failed failed" >&2; exit 1; }
