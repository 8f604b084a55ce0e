#!/bin/sh
# size.sh — the bounded-cost targets of issue 11 (defect 6), timed. Run by
# `make bench` after the Hugo comparison, or alone: tests/bench/run.sh --size
# (or sh tests/bench/size.sh). Inputs from sizegen.py; HUACE (default ./huace)
# is the binary; RUNS (default 3) timed runs per figure, the median reported.
set -eu
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
HUACE=${HUACE:-$ROOT/huace}
RUNS=${RUNS:-3}
TIME=/usr/bin/time
die() { echo "size.sh: error: $*" >&2; exit 1; }
[ -x "$HUACE" ] || die "no huace binary at $HUACE (run make huace)"
"$TIME" -f '%e' true >/dev/null 2>&1 || die "GNU time not found at $TIME (apt-get install time)"
TMP=$(mktemp -d "${TMPDIR:-/tmp}/huace-size.XXXXXX")
trap 'rm -rf "$TMP"' EXIT
trap 'exit 130' INT TERM

site() {  # NAME KIND N [BASE]
    cp -R "${4:-$ROOT/tests/sites/base}" "$TMP/$1"
    python3 "$HERE/sizegen.py" "$2" "$TMP/$1" "$3"
}
# timed NAME CMD...: the median wall time of RUNS runs in W (the command may exit 1: findings)
timed() {
    name=$1; shift
    : >"$TMP/$name.times"
    i=0
    while [ $i -lt "$RUNS" ]; do
        rm -rf "$TMP/out"
        "$TIME" -f '%e' -o "$TMP/time.out" "$@" >"$TMP/$name.out" 2>"$TMP/$name.err" || true
        tail -n 1 "$TMP/time.out" >>"$TMP/$name.times"
        i=$((i + 1))
    done
    W=$(sort -g "$TMP/$name.times" | awk -v r="$RUNS" 'NR == int((r + 1) / 2) { print; exit }')
}
verdict() { awk -v v="$2" -v l="$3" -v t="$1" 'BEGIN { printf "  %-52s %8s  %s\n", t, v, (v + 0 <= l + 0 ? "PASS" : "MISS") }'; }
show() { printf '  %-52s %8s\n' "$1" "$2"; }

echo "== bounded cost (issue 11): median of $RUNS runs; load average $(cut -d' ' -f1-3 /proc/loadavg)"
site routes routes 100000
timed routes "$HUACE" check -s "$TMP/routes" --today 2026-11-30
grep -q '^0 errors, 0 warnings$' "$TMP/routes.out" || die "the 100,000-node site does not check clean: $(tail -n 1 "$TMP/routes.out")"
verdict "huace check, 100,000 route nodes (s) < 10" "$W" 9.99

site dup dupnodes 1000
timed dup "$HUACE" check -s "$TMP/dup" --today 2026-11-30
verdict "huace check, 1,000 duplicate nodes (s) < 5" "$W" 4.99
verdict "  its output (lines) <= 50, a screenful" "$(wc -l <"$TMP/dup.out" | tr -d ' ')" 50

site keys mapkeys 50000
timed keys "$HUACE" check -s "$TMP/keys" --today 2026-11-30
verdict "huace check, a map of 50,000 keys (s) < 2" "$W" 1.99

site code longcode 16000 "$ROOT/tests/sites/pdf-basic"
site word longword 65536 "$ROOT/tests/sites/pdf-basic"
site plain longword 1 "$ROOT/tests/sites/pdf-basic"
timed plain "$HUACE" build -s "$TMP/plain" -o "$TMP/out" --today 2026-11-30 --quiet
show "huace build of the album fixture, for reference (s)" "$W"
timed code "$HUACE" build -s "$TMP/code" -o "$TMP/out" --today 2026-11-30 --quiet
verdict "  the same with a 16,000-line code block (s) < 30" "$W" 29.99
timed word "$HUACE" build -s "$TMP/word" -o "$TMP/out" --today 2026-11-30 --quiet
verdict "  the same with a 64 KB word (s) < 30" "$W" 29.99
echo "  (issue 11 found, before the fix: 57 s; 75 s and 130 MB of output; 8 s; 38-50 s for the album cases)"
