#!/bin/sh
# serve.sh — huace serve's edit-to-visible latency (issue 15 §5), at N case
# studies (default 10000, the corpus of make bench: gen.py). Run by `make
# bench` after the search index, or alone: tests/bench/run.sh --serve [N]
# (or sh tests/bench/serve.sh [N]).
#
# Starts `huace serve` on the corpus, waits for its first build, then RUNS
# (default 5) times appends a new sentence to the body of one case study
# (written in place, as most editors save) and times from just after the
# write until GET /cases/<that case>/ returns a page with the sentence,
# polling every 5 ms. Prints each time and the median. Then RUNS times puts
# an edited case.mustache in the site's layouts/ and times until serve says
# it wrote every page using it (or a full build) and a case page shows it.
# Then what serve said it did with each change (at once, or a full build).
set -eu
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
HUACE=${HUACE:-$ROOT/huace}
N=${1:-10000}
RUNS=${SERVE_RUNS:-5}
case "$N" in ''|*[!0-9]*) echo "serve.sh: N must be a number, got '$N'" >&2; exit 2 ;; esac
[ -x "$HUACE" ] || { echo "serve.sh: no huace binary at $HUACE (run make huace)" >&2; exit 1; }
TMP=$(mktemp -d "${TMPDIR:-/tmp}/huace-servebench.XXXXXX")
pid=
cleanup() { [ -n "$pid" ] && kill -INT "$pid" 2>/dev/null && wait "$pid" 2>/dev/null; rm -rf "$TMP"; }
trap cleanup EXIT
trap 'exit 130' INT TERM

python3 "$HERE/gen.py" huace "$TMP/site" "$N" >/dev/null 2>&1
mkdir "$TMP/tmp" "$TMP/site/layouts"   # layouts/ there before serve starts: a template put in it is one file's change
TMPDIR="$TMP/tmp" "$HUACE" serve -s "$TMP/site" -p 0 >"$TMP/serve.out" 2>&1 &
pid=$!
echo "== huace serve: from saving one case study to its new text served (issue 15 §5), N=$N case studies"
python3 - "$TMP/serve.out" "$TMP/site/content/cases" "$RUNS" "$ROOT/themes/default/layouts/case.mustache" <<'PY'
import os, re, statistics, sys, time, urllib.request
out, cases, runs, case_tmpl = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4]
t0 = time.monotonic()
while True:
    text = open(out, encoding="utf-8", errors="replace").read()
    if re.search(r"^huace: wrote", text, re.M):
        break
    if time.monotonic() - t0 > 1800 or "huace: build failed" in text:
        sys.exit("serve.sh: the first build did not finish:\n" + text[-2000:])
    time.sleep(0.2)
url = re.search(r"^huace serve: (http://\S+/)", text, re.M).group(1)
print(f"first build: {time.monotonic() - t0:.1f} s (includes waiting for the server to start)")
name = sorted(f for f in os.listdir(cases) if f.endswith(".md"))[len(os.listdir(cases)) // 2]
page = url + "cases/" + name[:-3] + "/"
times = []
for i in range(runs):
    time.sleep(1.0)   # the previous build is done and the watcher settled
    marker = f"延迟测量第{i + 1}句，编号{time.monotonic_ns()}。"
    with open(os.path.join(cases, name), "a", encoding="utf-8") as f:
        f.write(f"\n\n{marker}\n")
    start = time.monotonic()
    while True:
        try:
            with urllib.request.urlopen(page, timeout=30) as r:
                if marker in r.read().decode("utf-8", "replace"):
                    break
        except OSError:
            pass
        if time.monotonic() - start > 600:
            sys.exit(f"serve.sh: run {i + 1}: the new text was not served within 600 s")
        time.sleep(0.005)
    times.append((time.monotonic() - start) * 1000)
    print(f"run {i + 1}: {times[-1]:.0f} ms")
print(f"edit to visible: median {statistics.median(times):.0f} ms of {runs} (target: 100 ms)")
# a template used only by case pages, put in the site's layouts/ (then edited): every case page again
# at once; timed until serve says it has written them all and a case's page shows the change
theme = open(case_tmpl, encoding="utf-8").read()
said = lambda: len(re.findall(r"use case\.mustache\) served at once|^huace: wrote", open(out, encoding="utf-8", errors="replace").read(), re.M))
ttimes = []
for i in range(runs):
    time.sleep(1.0)
    n0 = said()
    marker = f"模板测量{i + 1}-{time.monotonic_ns()}"
    with open(os.path.join(os.path.dirname(os.path.dirname(cases)), "layouts", "case.mustache"), "w", encoding="utf-8") as f:
        f.write(theme.replace('<div class="prose">', f'<div class="prose" data-note="{marker}">', 1))
    start = time.monotonic()
    while True:
        try:
            if said() > n0:
                with urllib.request.urlopen(page, timeout=30) as r:
                    if marker in r.read().decode("utf-8", "replace"):
                        break
        except OSError:
            pass
        if time.monotonic() - start > 600:
            sys.exit(f"serve.sh: template run {i + 1}: not served within 600 s")
        time.sleep(0.005)
    ttimes.append((time.monotonic() - start) * 1000)
    print(f"template run {i + 1}: {ttimes[-1]:.0f} ms")
print(f"case.mustache edit to every case page visible: median {statistics.median(ttimes):.0f} ms of {runs}")
# what serve said it did with each edit: its page at once ("served at once, in N ms"), or a full build
for line in open(out, encoding="utf-8", errors="replace").read().splitlines():
    if line.startswith("huace serve: a file changed") or line.startswith("huace serve: files changed"):
        print("  serve: " + line[len("huace serve: "):])
PY
