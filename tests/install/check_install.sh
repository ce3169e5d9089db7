#!/bin/sh
# A staged install (meson install --destdir), checked as a user of the
# installed files would use them: every file in its usual place, a C program
# built through pkg-config alone and run against the staged library, and
# the staged command run on the seed.
#
#   check_install.sh BUILDDIR SRCROOT VERSION SANITIZE
#
# SANITIZE is the build's b_sanitize ("none" or e.g. "address,undefined"): a
# program using a sanitized library must be built with the same runtime.
set -eu

build=$1
root=$2
version=$3
sanitize=$4

stage=$(mktemp -d "${TMPDIR:-/tmp}/instcite-stage.XXXXXX")
trap 'rm -rf "$stage"' EXIT INT TERM

fail() {
    echo "check_install: $*" >&2
    exit 1
}

meson install -C "$build" --destdir "$stage" --no-rebuild --quiet >"$stage.log" 2>&1 ||
    { cat "$stage.log" >&2; rm -f "$stage.log"; fail "meson install --destdir failed"; }
rm -f "$stage.log"

# Where things went, read back from the build's own configuration, so that
# any --prefix/--libdir works.
prefix=$(meson introspect --buildoptions "$build" |
    /usr/bin/python3 -c 'import json,sys; o={x["name"]:x["value"] for x in json.load(sys.stdin)}; print(o["prefix"])')
libdir=$(meson introspect --buildoptions "$build" |
    /usr/bin/python3 -c 'import json,sys,os; o={x["name"]:x["value"] for x in json.load(sys.stdin)}; print(os.path.join(o["prefix"], o["libdir"]))')
base="$stage$prefix"
lib="$stage$libdir"

for f in \
    "$base/bin/instcite" \
    "$lib/libinstcite.so" \
    "$lib/libinstcite.so.0" \
    "$lib/libinstcite.so.$version" \
    "$base/include/instcite.h" \
    "$lib/pkgconfig/instcite.pc" \
    "$base/share/instcite/instruments.csv" \
    "$base/share/man/man1/instcite.1" \
    "$base/share/man/man3/instcite.3" \
    "$base/share/bash-completion/completions/instcite" \
    "$base/share/doc/instcite/README.md" \
    "$base/share/doc/instcite/CHANGELOG.md"; do
    [ -e "$f" ] || fail "not installed: ${f#"$stage"}"
done
cmp -s "$base/share/instcite/instruments.csv" "$root/datasets/instruments.csv" ||
    fail "share/instcite/instruments.csv differs from datasets/instruments.csv"

# pkg-config sees only the staged tree. The .pc file is relocatable (its
# prefix is found from where the file lies: pkgconfig.relocatable, the
# project's default); a build directory configured before that default
# writes a fixed prefix, which PKG_CONFIG_SYSROOT_DIR then moves under the
# staging directory.
export PKG_CONFIG_PATH="$lib/pkgconfig"
[ "$(pkg-config --modversion instcite)" = "$version" ] ||
    fail "pkg-config --modversion: $(pkg-config --modversion instcite), expected $version"

# True when the -L directory of the flags $1 is the staged library directory.
points_to_stage() {
    want=$(cd "$lib" && pwd -P)
    for w in $1; do
        case "$w" in
        -L*) [ "$(cd "${w#-L}" 2>/dev/null && pwd -P)" = "$want" ] && return 0 ;;
        esac
    done
    return 1
}
flags=$(pkg-config --cflags --libs instcite) || fail "pkg-config --cflags --libs instcite failed"
if ! points_to_stage "$flags"; then
    export PKG_CONFIG_SYSROOT_DIR="$stage"
    flags=$(pkg-config --cflags --libs instcite) || fail "pkg-config --cflags --libs instcite failed"
    points_to_stage "$flags" || fail "pkg-config flags do not point into the staged tree: $flags"
fi

san=
if [ "$sanitize" != none ] && [ -n "$sanitize" ]; then
    san="-fsanitize=$sanitize"
fi
# shellcheck disable=SC2086  # flags are words
${CC:-cc} -std=c11 -Wall -Wextra -Werror $san -o "$stage/use_api" \
    "$root/tests/install/use_api.c" $flags ||
    fail "the pkg-config test program did not build: cc ... $flags"

# Only the staged library: the program has no rpath into the build tree.
LD_LIBRARY_PATH="$lib" "$stage/use_api" "$root/datasets/A_RES_74_174.zh.txt" 19 "$version" \
    >"$stage/mentions.tsv" || fail "use_api failed against the staged library"
LD_LIBRARY_PATH="$lib" ldd "$stage/use_api" | grep -q "$lib/libinstcite.so.0" ||
    fail "use_api is not linked to the staged libinstcite.so.0"

# The ABI the header promises: libinstcite.so.0 exports exactly the functions
# instcite.h declares, nothing else.
soname=$(objdump -p "$lib/libinstcite.so.$version" | awk '$1 == "SONAME" { print $2 }')
[ "$soname" = "libinstcite.so.${version%%.*}" ] || fail "SONAME is $soname"
nm -D --defined-only "$lib/libinstcite.so.$version" | awk '{ print $3 }' | sort >"$stage/exported"
sed -n 's/^INSTCITE_API[^;(]*[ *]\(instcite_[a-z0-9_]*\)(.*/\1/p' "$base/include/instcite.h" |
    sort >"$stage/declared"
[ "$(wc -l <"$stage/declared")" -ge 40 ] || fail "found only $(wc -l <"$stage/declared") declarations"
cmp -s "$stage/exported" "$stage/declared" ||
    fail "exported symbols differ from instcite.h: $(comm -3 "$stage/exported" "$stage/declared" | tr -s '\t\n' '  ')"

# man finds the staged pages by name, and bash loads the staged completion.
if command -v man >/dev/null 2>&1; then
    [ "$(MANPATH="$base/share/man" man -w instcite)" = "$base/share/man/man1/instcite.1" ] ||
        fail "man -w instcite does not find the staged page"
    [ "$(MANPATH="$base/share/man" man -w 3 instcite)" = "$base/share/man/man3/instcite.3" ] ||
        fail "man -w 3 instcite does not find the staged page"
fi
bash -c '. "$1" && complete -p instcite' sh "$base/share/bash-completion/completions/instcite" \
    >/dev/null || fail "the staged bash completion does not register for instcite"

# The staged command, against the staged library.
out=$(LD_LIBRARY_PATH="$lib" "$base/bin/instcite" --version) || fail "staged instcite --version failed"
[ "$out" = "instcite $version" ] || fail "staged instcite --version: $out"
n=$(LD_LIBRARY_PATH="$lib" "$base/bin/instcite" extract --format jsonl \
    "$root/datasets/A_RES_74_174.zh.txt" | grep -c '"type":"mention"') ||
    fail "staged instcite extract failed"
[ "$n" = 19 ] || fail "staged instcite extract: $n mentions, expected 19"
echo "check_install: staged install under $prefix: files, pkg-config, use_api (19 mentions), instcite"
