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
# Each of those starts on a quiet server; then, as a peer, a partial's edit
# (a full build). Then what serve said it did with each change (at once, or
# a full build) and each full build's time.
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
# at once; timed until serve says it has written them all and a case's page shows the change. Each
# run starts on a quiet server (the builds before it done), as does the peer after: a partial that
# other templates include (card-project.mustache, on the case's page), which goes to a full build
def quiet():
    size, still = -1, 0
    while still < 3:
        text = open(out, encoding="utf-8", errors="replace").read()
        last = text.rstrip("\n").rsplit("\n", 1)[-1]
        still = still + 1 if len(text) == size and last.startswith("huace: wrote") else 0
        size = len(text)
        time.sleep(1.0)
said = lambda: len(re.findall(r"use case\.mustache\) served at once|^huace: wrote", open(out, encoding="utf-8", errors="replace").read(), re.M))
def timed(rel, src, old, new, pattern):
    quiet()
    n0 = said()
    with open(os.path.join(os.path.dirname(os.path.dirname(cases)), "layouts", rel), "w", encoding="utf-8") as f:
        f.write(open(src, encoding="utf-8").read().replace(old, new, 1))
    start = time.monotonic()
    while True:
        try:
            if said() > n0:
                with urllib.request.urlopen(page, timeout=30) as r:
                    if pattern in r.read().decode("utf-8", "replace"):
                        return (time.monotonic() - start) * 1000
        except OSError:
            pass
        if time.monotonic() - start > 900:
            sys.exit(f"serve.sh: {rel}: not served within 900 s")
        time.sleep(0.005)
ttimes = []
for i in range(runs):
    marker = f"模板测量{i + 1}-{time.monotonic_ns()}"
    ttimes.append(timed("case.mustache", case_tmpl, '<div class="prose">', f'<div class="prose" data-note="{marker}">', marker))
    print(f"template run {i + 1}: {ttimes[-1]:.0f} ms")
peer = timed("card-project.mustache", os.path.join(os.path.dirname(case_tmpl), "partials", "card-project.mustache"),
             '<li class="card card-project">', '<li class="card card-project" data-note="部分模板">', "部分模板")
print(f"peer: card-project.mustache (a partial: a full build) to visible on a quiet server: {peer:.0f} ms")
print(f"case.mustache edit to every case page visible, on a quiet server: median {statistics.median(ttimes):.0f} ms of {runs}")
# what serve said it did with each edit: its page at once ("served at once, in N ms"), or a full build
for line in open(out, encoding="utf-8", errors="replace").read().splitlines():
    if line.startswith("huace serve: a file changed") or line.startswith("huace serve: files changed") or line.startswith("huace: wrote"):
        print("  serve: " + line[len("huace serve: "):])
PY
