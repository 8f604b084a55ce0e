#!/bin/sh
# weasyprint.sh — the district album in pages per second: huace (print/album.pdf,
# from the model) against WeasyPrint 57 (print/album.html, the browser edition
# of the same album, which huace writes beside it). Issue 14 asks for huace at
# least 30× WeasyPrint on like-for-like pages.
#
#   tests/bench/weasyprint.sh [SITE]     default: the example site (the repository root)
#
# Like for like: the same album (same units, same case studies, same order),
# one core each (WeasyPrint has one thread; huace runs with -j 1), in the same
# run. huace's time is its album stage as `huace build --timings` reports it
# ("timings: pdf"): fonts, route maps (300 dpi, read from the cache), layout, drawing, both
# editions (screen and press, from one render) and album.html, with
# print.unit_albums: false and print.signs: false so that only print/album.pdf
# (and its cover spread) is made: the node signs are not in album.html. Photo
# renditions come from the image cache and the album's route maps from
# OUT.huace-maps (a warm-up build makes both), as in any build after the
# first: WeasyPrint, too, is given photos and maps already made. WeasyPrint's time is `weasyprint album.html
# out.pdf` (it has the same photos, as the published renditions). Each tool's
# pages are the pages of its own PDF; wall and CPU seconds of each (huace's
# from the timings line). RUNS (default 3) timed runs each, the
# fastest counts. HUACE (default ./huace) is the binary.
set -eu
HUACE=${HUACE:-./huace}
SITE=${1:-.}
RUNS=${RUNS:-3}
command -v weasyprint >/dev/null || { echo "weasyprint.sh: weasyprint not installed (apt-get install weasyprint)" >&2; exit 1; }
[ -x "$HUACE" ] || { echo "weasyprint.sh: no huace binary at $HUACE (make huace)" >&2; exit 1; }
T=$(mktemp -d "${TMPDIR:-/tmp}/huace-weasy.XXXXXX")
trap 'rm -rf "$T"' EXIT

# best CMD…: runs CMD RUNS times (after removing $CLEAN, if set); prints "WALL CPU"
# of the fastest run (by wall time)
best() {
    b=""
    i=0
    while [ $i -lt "$RUNS" ]; do
        [ -n "${CLEAN:-}" ] && rm -rf "$CLEAN"
        /usr/bin/time -f '%e %U %S' -o "$T/time" "$@" >/dev/null 2>"$T/err" ||
            { echo "weasyprint.sh: failed: $*" >&2; tail -n 5 "$T/err" >&2; exit 1; }
        r=$(awk '{ printf "%.3f %.3f", $1, $2 + $3 }' "$T/time")
        b=$(printf '%s\n%s\n' "$r" "${b:-$r}" | sort -g | head -n 1)
        i=$((i + 1))
    done
    echo "$b"
}

# site SRC DST PRINT: a copy of SRC whose print: block is replaced by PRINT
site() {
    mkdir "$2"
    for d in content assets seeds themes layouts; do
        [ -e "$1/$d" ] && cp -R "$1/$d" "$2/"
    done
    cover=$(awk '/^print:/ { p = 1; next } p && /^[ \t]+cover_photo:/ { print $2; exit } p && !/^[ \t]/ { p = 0 }' "$1/site.yaml")
    awk 'BEGIN { skip = 0 } /^print:/ { skip = 1; next } skip && /^[ \t]/ { next } { skip = 0; print }' \
        "$1/site.yaml" >"$2/site.yaml"
    echo "print: {$3${cover:+, cover_photo: $cover}}" >>"$2/site.yaml"
}
site "$SITE" "$T/album" "unit_albums: false, signs: false"


# a fresh output folder every time (a build into an up-to-date folder is a
# no-op); photo renditions are kept beside it (OUT.huace-images)
hb() { rm -rf "$T/out" && "$HUACE" build -s "$T/album" -o "$T/out" --today 2026-11-30 --quiet --timings -j 1 2>&1 |
       awk '/^timings: pdf/ { c = "?"; for (i = 4; i < NF; i++) if ($(i + 1) == "s" && $(i + 2) ~ /^CPU/) c = $i; print $3, c }'; }
hb >/dev/null                                  # warm-up: photo renditions, route maps
album=""
i=0
while [ $i -lt "$RUNS" ]; do
    t=$(hb)
    [ -n "$t" ] || { echo "weasyprint.sh: huace build of the album failed" >&2; exit 1; }
    album=$(printf '%s\n%s\n' "$t" "${album:-$t}" | sort -g | head -n 1)   # "WALL CPU", the fastest
    i=$((i + 1))
done
[ -s "$T/out/print/album.pdf" ] || { echo "weasyprint.sh: no print/album.pdf (is the album enabled?)" >&2; exit 1; }
[ -z "$(ls "$T/out/print" | grep '\.pdf$' | grep -v '^album' | grep -v '^cover-spread\.pdf$')" ] ||
    { echo "weasyprint.sh: unit albums were made: print.unit_albums not honoured" >&2; exit 1; }
hp=$(pdfinfo "$T/out/print/album.pdf" | awk '/^Pages:/ { print $2 }')

weasy=$(cd "$T/out/print" && best weasyprint album.html "$T/weasy.pdf")
wp=$(pdfinfo "$T/weasy.pdf" | awk '/^Pages:/ { print $2 }')

set -- $album $weasy
awk -v hp="$hp" -v h="$1" -v hc="$2" -v wp="$wp" -v w="$3" -v wc="$4" -v wv="$(weasyprint --version 2>&1 | head -n 1)" 'BEGIN {
    printf "huace print/album.pdf (album stage, both editions, -j 1): %d pages in %.2f s wall, %.2f s CPU: %.1f pages/s, %.1f pages/CPU-s\n", hp, h, hc, hp / h, (hc > 0 ? hp / hc : 0)
    printf "%s, print/album.html: %d pages in %.2f s wall, %.2f s CPU: %.2f pages/s, %.2f pages/CPU-s\n", wv, wp, w, wc, wp / w, wp / wc
    printf "ratio huace/WeasyPrint in pages per second: %.1fx wall, %.1fx CPU (target 30x; CPU seconds are the steadier figure on a shared machine)\n", (hp / h) / (wp / w), (hc > 0 ? (hp / hc) / (wp / wc) : 0)
}'
