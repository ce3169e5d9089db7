"""The manual, as a user meets it: --help of the command and of every
subcommand fits on a screen and shows examples; `man -l` renders both pages
without warnings; the pages and the bash completion know every subcommand,
option and format the command has now; no colour in pipes or with NO_COLOR.

    check_manual.py INSTCITE_EXE SRCROOT VERSION

When this fails after a new option or subcommand: document it in
man/instcite.1 (and completions/instcite.bash); a new API function in
man/instcite.3.
"""

import os
import pty
import re
import shutil
import subprocess
import sys

EXE, ROOT, VERSION = sys.argv[1:4]
MAN1 = os.path.join(ROOT, "man", "instcite.1")
MAN3 = os.path.join(ROOT, "man", "instcite.3")
COMPLETION = os.path.join(ROOT, "completions", "instcite.bash")
SEED = os.path.join(ROOT, "datasets", "A_RES_74_174.zh.txt")
FORMATS = ["table", "jsonl", "json", "csv", "graphml", "gexf", "cytoscape", "dot", "svg", "html"]

failures = []


def check(ok, what):
    print(("ok   " if ok else "FAIL ") + what)
    if not ok:
        failures.append(what)


def run(*args, env=None):
    return subprocess.run([EXE, *args], capture_output=True, text=True, env=env)


def roff_text(path):
    """The page's words as a reader sees them: escapes for '-' undone."""
    with open(path, encoding="utf-8") as f:
        return f.read().replace("\\-", "-").replace("\\fB", "").replace("\\fR", "") \
            .replace("\\fI", "").replace("\\fP", "")


# --- --help and --version -----------------------------------------------------
top = run("--help")
check(top.returncode == 0, "instcite --help exits 0")
commands = re.findall(r"^  ([a-z]+)  ", top.stdout, re.M)
check(len(commands) >= 4, f"instcite --help lists the subcommands ({' '.join(commands)})")

helps = {"": top.stdout}
for c in commands:
    r = run(c, "--help")
    check(r.returncode == 0 and r.stdout, f"instcite {c} --help exits 0 and prints to stdout")
    helps[c] = r.stdout
for c, text in helps.items():
    name = f"instcite {c} --help".replace("  ", " ")
    lines = text.rstrip("\n").split("\n")
    check(len(lines) <= 24, f"{name}: {len(lines)} lines (at most 24)")
    wide = [line for line in lines if len(line) > 80]
    check(not wide, f"{name}: no line wider than 80 columns {wide[:1]}")
    check("example" in text, f"{name}: shows examples")
    check("\x1b" not in text, f"{name}: no terminal escapes")

r = run("--version")
check(r.returncode == 0 and r.stdout == f"instcite {VERSION}\n",
      f"instcite --version prints 'instcite {VERSION}' ({r.stdout.strip()!r})")

# Every option of every subcommand: from the --help texts and from the parser.
options = {c: set(re.findall(r"(?<![\w-])(--[a-z][a-z-]*)", t)) for c, t in helps.items()}
# A string literal that is one long option ("--top") is an option the
# command compares its arguments with, in whichever src/cli file it is.
parsed = set()
for name in sorted(os.listdir(os.path.join(ROOT, "src", "cli"))):
    if name.endswith(".c"):
        with open(os.path.join(ROOT, "src", "cli", name), encoding="utf-8") as f:
            parsed |= set(re.findall(r'"(--[a-z][a-z-]+)"', f.read()))
check(len(parsed) >= 10, f"option names found in src/cli/*.c ({len(parsed)})")
all_options = set().union(*options.values()) | parsed
undocumented = parsed - set().union(*options.values()) - {"--help", "--version"}
check(not undocumented, f"every option the parser knows is in some --help {sorted(undocumented)}")

# --- man pages ----------------------------------------------------------------
man = shutil.which("man")
check(man is not None, "man is installed (Debian: man-db, groff-base)")
if man:
    for page in (MAN1, MAN3):
        r = subprocess.run([man, "--warnings", "-l", page], capture_output=True, text=True,
                           env=dict(os.environ, MANWIDTH="80", LC_ALL="C.UTF-8"))
        check(r.returncode == 0 and r.stderr == "",
              f"man --warnings -l {os.path.basename(page)}: no warnings {r.stderr[:300]!r}")
        check(len(r.stdout) > 2000, f"man -l {os.path.basename(page)} renders")

m1 = roff_text(MAN1)
check(f'"instcite {VERSION}"' in m1, f"instcite.1 is the page of version {VERSION}")
for c in commands:
    check(re.search(r"^\.B (instcite )?" + c + r"\b", m1, re.M) is not None,
          f"instcite.1 describes the subcommand {c}")
missing = sorted(o for o in all_options if o not in m1)
check(not missing, f"instcite.1 documents every option {missing}")
missing = [f for f in FORMATS if not re.search(r"\b" + f + r"\b", m1)]
check(not missing, f"instcite.1 names every output format {missing}")
for section in ("SYNOPSIS", "COMMANDS", "OPTIONS", "OUTPUT FORMATS", "EXIT STATUS",
                "ENVIRONMENT", "FILES", "EXAMPLES"):
    check(re.search(r'^\.SH "?' + section, m1, re.M) is not None, f"instcite.1 has {section}")
for status in ("0", "1", "2", "3"):
    check(re.search(r"^\.B " + status + "$", m1, re.M) is not None,
          f"instcite.1 explains exit status {status}")
for var in ("NO_COLOR",):
    check(var in m1, f"instcite.1 mentions {var}")

m3 = roff_text(MAN3)
with open(os.path.join(ROOT, "include", "instcite.h"), encoding="utf-8") as f:
    header = f.read()
functions = set(re.findall(r"INSTCITE_API[^;(]*?\b(instcite_\w+)\s*\(", header))
check(len(functions) >= 40, f"functions found in instcite.h ({len(functions)})")
missing = sorted(fn for fn in functions if not re.search(r"\b" + fn + r"\b", m3))
check(not missing, f"instcite.3 documents every function of instcite.h {missing}")
types = set(re.findall(r"typedef struct (instcite_\w+) \{", header))
missing = sorted(t for t in types if t not in m3)
check(not missing, f"instcite.3 describes every public struct {missing}")
check(f'"instcite {VERSION}"' in m3, f"instcite.3 is the page of version {VERSION}")

# --- bash completion ------------------------------------------------------------


def complete(*words):
    """COMPREPLY for the command line `instcite WORDS...` (the last word the
    one being completed)."""
    script = ('source "$1"; shift; COMP_WORDS=(instcite "$@"); COMP_CWORD=$#; _instcite; '
              'printf "%s\\n" "${COMPREPLY[@]}"')
    r = subprocess.run(["bash", "-c", script, "complete", COMPLETION, *words],
                       capture_output=True, text=True, check=True)
    return set(r.stdout.split())


r = subprocess.run(["bash", "-n", COMPLETION], capture_output=True, text=True)
check(r.returncode == 0, f"completions/instcite.bash is valid bash {r.stderr}")
got = complete("")
missing = sorted(set(commands) - got)
check(not missing, f"completion offers every subcommand {missing}")
for c in commands:
    got = complete(c, "--")
    missing = sorted(options[c] - got - {"--help", "--version"})
    check(not missing, f"completion of 'instcite {c} --' offers its options {missing}")
check({"graphml", "gexf", "json", "cytoscape", "dot", "svg", "html", "csv"} <= complete(
    "graph", "--format", ""), "completion of graph --format offers the graph formats")
check({"table", "jsonl", "json", "csv"} <= complete("extract", "-f", ""),
      "completion of extract -f offers the record formats")
check(complete("extract", "--lang", "") == {"zh", "en", "fr", "es", "ru", "ar"},
      "completion of --lang offers the six languages")

# --- colour ----------------------------------------------------------------------


def on_terminal(env):
    """instcite extract --format table on a pseudo-terminal: its output."""
    pid, fd = pty.fork()
    if pid == 0:
        os.execve(EXE, [EXE, "extract", "--format", "table", SEED], env)
    out = b""
    while True:
        try:
            chunk = os.read(fd, 65536)
        except OSError:
            break
        if not chunk:
            break
        out += chunk
    os.waitpid(pid, 0)
    return out


r = subprocess.run([EXE, "extract", "--format", "table", SEED], capture_output=True)
check(r.returncode == 0 and b"\x1b" not in r.stdout, "no colour when standard output is a pipe")
try:
    out = on_terminal(dict(os.environ, NO_COLOR="1"))
except OSError as e:  # no pseudo-terminals here (a container without /dev/pts)
    print(f"skip no colour on a terminal with NO_COLOR set: {e}")
else:
    check(b"A/RES/74/174" in out and b"\x1b" not in out,
          "no colour on a terminal with NO_COLOR set")

if failures:
    print(f"{len(failures)} failed", file=sys.stderr)
    sys.exit(1)
