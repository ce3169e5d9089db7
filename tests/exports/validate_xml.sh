#!/bin/sh
# Validates the GraphML and GEXF that write_hostile writes (hostile documents
# alone, then with the seed) against the schemas in tests/schemas, offline,
# and checks that the SVG files are well-formed XML.
# Usage: validate_xml.sh WRITE_HOSTILE SEED.txt SCHEMAS_DIR XMLLINT
# Exit 77 (meson: skipped) only when xmllint is absent.
set -eu
bin=$1 seed=$2 schemas=$3 xmllint=${4:-}
if [ -z "$xmllint" ] || ! [ -x "$xmllint" ]; then
    echo "xmllint not found: skipped"
    exit 77
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
mkdir "$tmp/hostile" "$tmp/seed"
"$bin" "$tmp/hostile"
"$bin" "$tmp/seed" "$seed"
for d in hostile seed; do
    # --nonet: the schemas and their imports resolve from tests/schemas alone.
    "$xmllint" --nonet --noout --schema "$schemas/graphml/graphml.xsd" "$tmp/$d/graph.graphml"
    "$xmllint" --nonet --noout --schema "$schemas/gexf/gexf.xsd" "$tmp/$d/graph.gexf"
    "$xmllint" --nonet --noout "$tmp/$d/graph.svg" "$tmp/$d/graph.time.svg"
done
# The schema is not a rubber stamp: a wrong mode must be rejected.
sed 's/mode="dynamic"/mode="sometimes"/' "$tmp/seed/graph.gexf" > "$tmp/bad.gexf"
if "$xmllint" --nonet --noout --schema "$schemas/gexf/gexf.xsd" "$tmp/bad.gexf" 2>/dev/null; then
    echo "FAIL: the GEXF schema accepted an invalid file"
    exit 1
fi
echo "ok: GraphML and GEXF valid, SVG well-formed"
