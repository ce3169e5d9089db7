#!/bin/sh
# Validates the sample GraphML against the GraphML 1.0 schema, offline.
# Usage: validate_graphml.sh WRITE_SAMPLE SCHEMA.xsd XMLLINT
# Exit 77 (meson: skipped) only when xmllint is absent.
set -eu
sample=$1 schema=$2 xmllint=${3:-}
if [ -z "$xmllint" ] || ! [ -x "$xmllint" ]; then
    echo "xmllint not found: skipped"
    exit 77
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
"$sample" "$tmp/sample.graphml" "$tmp/sample.json"
# --nonet: the schema and its imports must resolve from tests/schemas alone.
"$xmllint" --nonet --noout --schema "$schema" "$tmp/sample.graphml"
