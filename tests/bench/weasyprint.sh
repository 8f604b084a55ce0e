#!/bin/sh
# weasyprint.sh — the album in pages per second: huace (print/album.pdf, from
# the model) against WeasyPrint (print/album.html, the browser edition of the
# same album). Issue 6 asks for huace at least 30× WeasyPrint.
#
#   tests/bench/weasyprint.sh [SITE]     default: the example site (the repository root)
#
# huace's album time is the difference between a build with the album and one
# with print: {enabled: false}; both build the same maps and HTML. RUNS (default
# 3) timed builds each, the fastest counts. HUACE (default ./huace) is the binary.
set -eu
HUACE=${HUACE:-./huace}
SITE=${1:-.}
RUNS=${RUNS:-3}
command -v weasyprint >/dev/null || { echo "weasyprint.sh: weasyprint not installed (apt-get install weasyprint)" >&2; exit 1; }
[ -x "$HUACE" ] || { echo "weasyprint.sh: no huace binary at $HUACE (make huace)" >&2; exit 1; }
T=$(mktemp -d "${TMPDIR:-/tmp}/huace-weasy.XXXXXX")
trap 'rm -rf "$T"' EXIT

now() { date +%s.%N; }
# best SECONDS-VARIABLE CMD…: the fastest of RUNS runs, in seconds
best() {
    b=""
    i=0
    while [ $i -lt "$RUNS" ]; do
        s=$(now)
        "$@" >/dev/null 2>&1 || { echo "weasyprint.sh: failed: $*" >&2; exit 1; }
        e=$(awk -v a="$s" -v b="$(now)" 'BEGIN { printf "%.3f", b - a }')
        b=$(awk -v a="$e" -v b="${b:-$e}" 'BEGIN { if (a < b) print a; else print b }')
        i=$((i + 1))
    done
    echo "$b"
}

# the same site with the album switched off
mkdir "$T/site-noprint"
for d in content assets seeds themes layouts; do
    [ -e "$SITE/$d" ] && cp -R "$SITE/$d" "$T/site-noprint/"
done
awk 'BEGIN { skip = 0 } /^print:/ { skip = 1; next } skip && /^[ \t]/ { next } { skip = 0; print }' \
    "$SITE/site.yaml" >"$T/site-noprint/site.yaml"
echo "print: {enabled: false}" >>"$T/site-noprint/site.yaml"

# a fresh output folder every time: a build into an up-to-date folder is a no-op
build() { rm -rf "$2" && "$HUACE" build -s "$1" -o "$2" --today 2026-11-30 --quiet; }
with=$(best build "$SITE" "$T/out")
without=$(best build "$T/site-noprint" "$T/out-noprint")
[ -s "$T/out/print/album.pdf" ] || { echo "weasyprint.sh: no print/album.pdf (is the album enabled?)" >&2; exit 1; }
echo "huace build of $SITE: $with s with the album, $without s without"
album=$(awk -v a="$with" -v b="$without" 'BEGIN { d = a - b; if (d < 0.001) d = 0.001; printf "%.3f", d }')
hp=$(pdfinfo "$T/out/print/album.pdf" | awk '/^Pages:/ { print $2 }')
# pages huace lays out and draws: the screen editions (each press edition is the same render)
all=$(for f in "$T"/out/print/*.pdf; do case $f in *-press.pdf) ;; *) pdfinfo "$f" | awk '/^Pages:/ { print $2 }' ;; esac; done |
    awk '{ s += $1 } END { print s }')

RUNS=1
weasy=$(cd "$T/out/print" && best weasyprint album.html "$T/weasy.pdf")
wp=$(pdfinfo "$T/weasy.pdf" | awk '/^Pages:/ { print $2 }')

awk -v hp="$hp" -v all="$all" -v h="$album" -v wp="$wp" -v w="$weasy" 'BEGIN {
    printf "huace: %.2f s for the album and every unit album, both editions: %d pages drawn, %.1f pages/s\n", h, all, all / h
    printf "weasyprint print/album.html: %.2f s for %d pages: %.2f pages/s\n", w, wp, wp / w
    printf "ratio: %.1f× (counting only print/album.pdf, %d pages: %.1f×)\n", (all / h) / (wp / w), hp, (hp / h) / (wp / w)
}'
