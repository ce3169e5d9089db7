#!/bin/sh
# instcite graph writes every format chosen by extension or --format, each
# file complete, the same bytes on a second run; CSV to FILE.csv and to a
# directory; --links and --layout; unknown formats and layouts are usage
# errors (exit 2) that leave nothing behind.
# Usage: cli_formats.sh INSTCITE SEED.txt
set -u
bin=$1 seed=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
status=0
fail() { echo "FAIL: $*"; status=1; }

for ext in graphml gexf json cyjs dot svg html; do
    "$bin" graph "$seed" -o "$tmp/g.$ext" || fail "exit $? for .$ext"
    [ -s "$tmp/g.$ext" ] || fail "no $tmp/g.$ext"
    "$bin" graph "$seed" -o "$tmp/again.$ext"
    cmp -s "$tmp/g.$ext" "$tmp/again.$ext" || fail ".$ext differs between runs"
done
grep -q '<gexf xmlns="http://gexf.net/1.3"' "$tmp/g.gexf" || fail "gexf header"
grep -q '"elements":{"nodes":\[' "$tmp/g.cyjs" || fail "cytoscape elements"
grep -q '^digraph "instcite" {' "$tmp/g.dot" || fail "dot header"
grep -q '<svg xmlns="http://www.w3.org/2000/svg"' "$tmp/g.svg" || fail "svg element"
grep -q '^<!DOCTYPE html>' "$tmp/g.html" || fail "html doctype"

"$bin" graph "$seed" --format cytoscape -o "$tmp/c.json" && grep -q '"elements"' "$tmp/c.json" ||
    fail "--format cytoscape"
"$bin" graph "$seed" --links -o "$tmp/l.json" && grep -q '"links":\[' "$tmp/l.json" &&
    ! grep -q '"edges"' "$tmp/l.json" || fail "--links"
"$bin" graph "$seed" -o "$tmp/e.json" && grep -q '"edges":\[' "$tmp/e.json" || fail "edges key"
"$bin" graph "$seed" --layout time -o "$tmp/t.svg" && grep -q '(x: year)' "$tmp/t.svg" ||
    fail "--layout time"
"$bin" graph "$seed" --format svg > "$tmp/stdout.svg" && cmp -s "$tmp/stdout.svg" "$tmp/g.svg" ||
    fail "svg on standard output"

"$bin" graph "$seed" -o "$tmp/t.csv" || fail "csv exit"
[ -s "$tmp/t.nodes.csv" ] && [ -s "$tmp/t.edges.csv" ] && [ ! -e "$tmp/t.csv" ] ||
    fail "X.csv must give X.nodes.csv and X.edges.csv"
head -c 12 "$tmp/t.nodes.csv" | grep -q '^"Id","Label"' || fail "nodes.csv header"
head -c 40 "$tmp/t.edges.csv" | grep -q '^"Source","Target","Type","Weight"' || fail "edges.csv header"
"$bin" graph "$seed" -o "$tmp/tables/" || fail "csv into a new directory"
[ -s "$tmp/tables/nodes.csv" ] && [ -s "$tmp/tables/edges.csv" ] || fail "DIR/nodes.csv, DIR/edges.csv"
mkdir "$tmp/existing"
"$bin" graph "$seed" -o "$tmp/existing" || fail "csv into an existing directory"
[ -s "$tmp/existing/nodes.csv" ] || fail "existing directory: nodes.csv"
cmp -s "$tmp/existing/nodes.csv" "$tmp/t.nodes.csv" || fail "CSV differs between runs"

"$bin" graph "$seed" --format csv > /dev/null 2>&1
[ $? -eq 2 ] || fail "csv without -o must be a usage error"
"$bin" graph "$seed" --format pdf -o "$tmp/x.pdf" 2>/dev/null
[ $? -eq 2 ] || fail "unknown format must be a usage error"
"$bin" graph "$seed" --layout spiral -o "$tmp/x.svg" 2>/dev/null
[ $? -eq 2 ] || fail "unknown layout must be a usage error"
"$bin" graph "$seed" -o "$tmp/x.unknown" 2>/dev/null
[ $? -eq 2 ] || fail "unknown extension must be a usage error"
ls "$tmp" | grep -q '\.tmp\.' && fail "temporary files left behind"
for f in x.pdf x.svg x.unknown; do [ -e "$tmp/$f" ] && fail "$f written after a usage error"; done

[ $status -eq 0 ] && echo "ok: every format from the command line"
exit $status
