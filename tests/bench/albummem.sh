#!/bin/sh
# albummem.sh — the album stage's peak memory (issue 14 §5: under 300 MB
# whatever the content size), at N case studies (default 10000: gen.py's
# corpus, N case studies and N/10 units of 5–20 nodes) with maps and print
# ON (gen.py switches them off for the HTML bench; here they are put back).
# Builds once with --timings and prints the pdf stage's line: its time, the
# album's pages, the node signs, and the process's peak RSS when the stage
# ends (VmHWM: the stage runs after load, before html and maps).
#
#   sh tests/bench/albummem.sh [N]
#
# Slow: at N=10000 the stage draws 12,835 node signs and 1,001 albums (about
# 15 min on 2 busy cores). Not part of `make bench` for that reason.
# HUACE (default ./huace) the binary.
set -eu
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
HUACE=${HUACE:-$ROOT/huace}
N=${1:-10000}
LIMIT=300
case "$N" in ''|*[!0-9]*) echo "albummem.sh: N must be a number, got '$N'" >&2; exit 2 ;; esac
[ -x "$HUACE" ] || { echo "albummem.sh: no huace binary at $HUACE (run make huace)" >&2; exit 1; }
TMP=$(mktemp -d "${TMPDIR:-/tmp}/huace-albummem.XXXXXX")
trap 'rm -rf "$TMP"' EXIT
trap 'exit 130' INT TERM

python3 "$HERE/gen.py" huace "$TMP/site" "$N" >/dev/null
sed -i '/^maps: {enabled: false}$/d; /^print: {enabled: false}$/d' "$TMP/site/site.yaml"
grep -q 'enabled: false' "$TMP/site/site.yaml" && { echo "albummem.sh: maps/print still off in gen.py's site.yaml" >&2; exit 1; }
echo "== album stage memory (issue 14): N=$N case studies, maps and print on"
echo "load average at start: $(cut -d' ' -f1-3 /proc/loadavg)"
if ! "$HUACE" build -s "$TMP/site" -o "$TMP/out" --quiet --timings --today 2026-11-30 >/dev/null 2>"$TMP/err"; then
    echo "albummem.sh: the build failed:" >&2
    tail -n 20 "$TMP/err" >&2
    exit 1
fi
line=$(grep '^timings: pdf ' "$TMP/err" || true)
[ -n "$line" ] || { echo "albummem.sh: no 'timings: pdf' line" >&2; exit 1; }
echo "  ${line#timings: }"
peak=$(echo "$line" | sed -n 's/.*peak \([0-9]*\) MB$/\1/p')
awk -v v="$peak" -v l="$LIMIT" 'BEGIN { printf "  %-46s %9s  %s\n", "album stage peak RSS < " l " MB", v, (v + 0 < l + 0 ? "PASS" : "MISS") }'
echo "  load average at end: $(cut -d' ' -f1-3 /proc/loadavg)"
