# shellcheck shell=bash
# Shared by scripts/run and scripts/test (sourced, not executed): the Debian
# packages the project needs, installing only those that are absent, and
# configuring a meson build directory once.
#
# Environment:
#   INSTCITE_DEPS_DRY_RUN=1  print the apt-get commands instead of running them
#   INSTCITE_SKIP_DEPS=1     do not look at packages at all

# --- package lists (Debian bookworm names) ----------------------------------
# Needed to build and run the library and the instcite command.
INSTCITE_RUN_PACKAGES=(
    gcc
    libc6-dev
    meson
    ninja-build
    pkg-config
    python3
    libigraph-dev
    libcsv-dev
    libcjson-dev
    # Input formats: PDF (poppler-glib), HTML and .docx XML (libxml2), .docx
    # archives (libzip).
    libpoppler-glib-dev
    libxml2-dev
    libzip-dev
    # The build configures the unit tests too (a build/ reused by
    # scripts/test must have them), so cmocka belongs to the build.
    libcmocka-dev
)
# Needed in addition to run the test suite (used by the sourcing scripts).
# shellcheck disable=SC2034
INSTCITE_TEST_PACKAGES=(
    "${INSTCITE_RUN_PACKAGES[@]}"
    libxml2-utils
    python3-networkx
    # networkx's PageRank and HITS, which the corpus tests compare against,
    # need these; apt only recommends them.
    python3-numpy
    python3-scipy
    # `man -l` renders the manual pages in the manual test.
    man-db
    groff-base
    chromium
)

# Needed in addition for the checking steps of scripts/test: the valgrind
# test setup and the libFuzzer build of scripts/fuzz (clang with its
# sanitizer and libFuzzer runtimes).
# shellcheck disable=SC2034
INSTCITE_FUZZ_PACKAGES=(
    valgrind
    clang
    libclang-rt-14-dev
)

# The repository root (this file is scripts/lib/deps.sh).
INSTCITE_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"

deps_log() {
    printf '%s: %s\n' "$(basename "$0")" "$*" >&2
}

# Prints, one per line, the packages among "$@" that are not installed.
deps_missing() {
    local pkg status
    for pkg in "$@"; do
        status="$(dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null || true)"
        if [[ "$status" != "install ok installed" ]]; then
            printf '%s\n' "$pkg"
        fi
    done
}

# Installs the packages among "$@" that are missing. Runs apt-get (update
# first) only when something is missing; as non-root it names what to
# install and fails instead.
deps_install() {
    if [[ "${INSTCITE_SKIP_DEPS:-}" == 1 ]]; then
        deps_log "INSTCITE_SKIP_DEPS=1: not checking packages"
        return 0
    fi
    if ! command -v dpkg-query >/dev/null 2>&1; then
        deps_log "dpkg-query not found (not a Debian system?): cannot check packages;" \
            "make sure these are installed: $*"
        return 0
    fi
    local missing=()
    mapfile -t missing < <(deps_missing "$@")
    if ((${#missing[@]} == 0)); then
        return 0
    fi
    deps_log "missing packages: ${missing[*]}"
    local apt=(apt-get install -y --no-install-recommends "${missing[@]}")
    if [[ "${INSTCITE_DEPS_DRY_RUN:-}" == 1 ]]; then
        deps_log "dry run; would run: apt-get update && DEBIAN_FRONTEND=noninteractive ${apt[*]}"
        return 0
    fi
    if [[ "$(id -u)" != 0 ]]; then
        deps_log "not root: install them first, e.g. sudo apt-get install ${missing[*]}"
        return 1
    fi
    apt-get update
    DEBIAN_FRONTEND=noninteractive "${apt[@]}"
}

# build_configure DIR [MESON OPTIONS...]: configures DIR unless it already is
# a configured meson build directory, in which case the options are applied
# to it (cheap, and keeps e.g. the sanitizer directory a sanitizer build).
build_configure() {
    local dir="$1"
    shift
    if [[ -f "$INSTCITE_ROOT/$dir/meson-private/coredata.dat" ]]; then
        if (($# > 0)); then
            meson configure "$INSTCITE_ROOT/$dir" "$@"
        fi
        # A build/ first configured by scripts/run looked for the test
        # programs (xmllint, ...) before scripts/test installed them: look
        # again, or their tests would be skipped.
        meson setup --reconfigure "$INSTCITE_ROOT/$dir" "$INSTCITE_ROOT" >/dev/null
    else
        meson setup "$INSTCITE_ROOT/$dir" "$INSTCITE_ROOT" "$@"
    fi
}
