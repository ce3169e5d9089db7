#!/bin/sh
# Renders HTML reports in headless Chromium (Debian's chromium): the hostile
# report from write_hostile and the seed's report from the command line.
# Checks that the report holds no script at all, that Chromium logs no
# script error or blocked load, and that the screenshot is not blank.
# Usage: render_html.sh WRITE_HOSTILE SEED.txt INSTCITE PYTHON PNG_CHECK.py
# Exit 77 (meson: skipped) only when chromium is absent.
set -u
bin=$1 seed=$2 instcite=$3 python=$4 png_check=$5
chromium=$(command -v chromium || command -v chromium-browser || true)
if [ -z "$chromium" ]; then
    echo "chromium not found: skipped (apt-get install chromium)"
    exit 77
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
status=0
fail() { echo "FAIL: $*"; status=1; }

mkdir "$tmp/hostile"
"$bin" "$tmp/hostile" "$seed" || exit 1
"$instcite" graph "$seed" -o "$tmp/seed.html" || exit 1

# A control page with a script error: the log check below must catch it, or
# it proves nothing.
printf '<!DOCTYPE html><title>control</title><p>control</p><script>no_such_function();</script>\n' \
    > "$tmp/control.html"

render() { # PAGE PNG: screenshot, Chromium's log in $tmp/err.log; returns its status
    profile=$(mktemp -d)
    timeout 120 "$chromium" --headless --no-sandbox --disable-gpu --disable-quic \
        --no-first-run --disable-background-networking --disable-component-update \
        --disable-sync --user-data-dir="$profile" --enable-logging=stderr --v=0 \
        --screenshot="$2" --window-size=1200,900 "file://$1" \
        > "$tmp/out.log" 2> "$tmp/err.log"
    rc=$?
    rm -rf "$profile"
    return $rc
}
# Console messages are logged as "INFO:CONSOLE(...)" lines: any from the
# page is a script error or a resource the CSP refused.
console_errors() { grep -E 'Uncaught|:CONSOLE|Refused to' "$tmp/err.log"; }

render "$tmp/control.html" "$tmp/control.png"
console_errors > /dev/null || fail "the log check does not see a script error in the control page"

for page in "$tmp/hostile/graph.html" "$tmp/seed.html"; do
    if grep -qi '<script' "$page"; then
        fail "$page contains a script"
    fi
    png="$page.png"
    render "$page" "$png"
    rc=$?
    [ $rc -eq 0 ] || fail "chromium exited $rc on $page"
    [ -s "$png" ] || { fail "no screenshot of $page"; cat "$tmp/err.log"; continue; }
    if console_errors; then
        fail "chromium reports errors on $page"
    fi
    "$python" "$png_check" "$png" || fail "blank screenshot of $page"
done
[ $status -eq 0 ] && echo "ok: reports render in Chromium, no scripts, not blank"
exit $status
