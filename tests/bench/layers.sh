#!/bin/sh
# layers.sh — map layers at the size GIS offices hand out (issue 17 §6): the
# example site as it is, and with two more layers, a 5 MB village boundary
# file and a 20 MB road file (about a million vertices; layersgen.py).
# Prints the load and maps steps of each build (--timings) and the ratio of
# the maps steps: the target is that all maps draw within 2× the time
# (reading the files, once per build, is the load step). The album is off in both: it is the
# same work either way and not what is measured. Run by `make bench`, or
# alone: sh tests/bench/layers.sh.
set -eu
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
HUACE=${HUACE:-$ROOT/huace}
[ -x "$HUACE" ] || { echo "layers.sh: no huace binary at $HUACE (run make huace)" >&2; exit 1; }
TMP=$(mktemp -d "${TMPDIR:-/tmp}/huace-layers.XXXXXX")
trap 'rm -rf "$TMP"' EXIT
trap 'exit 130' INT TERM

for s in plain heavy; do
    mkdir -p "$TMP/$s"
    (cd "$ROOT" && cp -R site.yaml seeds content assets themes "$TMP/$s/")
    sed -i 's/^print:$/print:\n  enabled: false/' "$TMP/$s/site.yaml"
done
python3 "$HERE/layersgen.py" "$TMP/heavy/content/geo"
sed -i 's|^  - {file: geo/roads.gpkg, role: road, label: name}$|&\n  - {file: geo/villages.geojson, role: boundary, label: name}\n  - {file: geo/village-roads.geojson, role: road, width: 0.6}|' "$TMP/heavy/site.yaml"
grep -q 'village-roads.geojson' "$TMP/heavy/site.yaml" || { echo "layers.sh: could not add the layers to site.yaml" >&2; exit 1; }

echo "== map layers (issue 17 §6): the example, then with a 5 MB and a 20 MB layer"
for s in plain heavy; do
    # the first build makes the photos; the second, into an emptied
    # folder, is the one timed (every map drawn, the photos reused)
    "$HUACE" build -s "$TMP/$s" -o "$TMP/$s-out" --quiet --today 2026-11-30 >/dev/null 2>&1 || true
    rm -rf "$TMP/$s-out" "$TMP/$s-out".huace-cache
    "$HUACE" build -s "$TMP/$s" -o "$TMP/$s-out" --quiet --timings --today 2026-11-30 >/dev/null 2>"$TMP/$s.err" ||
        { echo "layers.sh: the $s build failed:"; tail -n 5 "$TMP/$s.err"; exit 1; }
    grep '^timings: \(load\|maps\) ' "$TMP/$s.err" | sed "s/^timings: */  $s: /"
done
du -h "$TMP/heavy/content/geo/villages.geojson" "$TMP/heavy/content/geo/village-roads.geojson" | awk '{ printf "  %s %s\n", $1, $2 }' | sed "s|$TMP/heavy/||"
# the target (issue 17 §6) is the maps' drawing; reading the files is the load step, printed above
t() { awk -v step="$1" '$1 == "timings:" && $2 == step { print $3 }' "$2"; }
awk -v a="$(t maps "$TMP/plain.err")" -v b="$(t maps "$TMP/heavy.err")" -v la="$(t load "$TMP/plain.err")" -v lb="$(t load "$TMP/heavy.err")" 'BEGIN {
    r = b / a; printf "  maps: %.2f s → %.2f s, %.2f× (target ≤ 2×): %s; reading the layers adds %.2f s to the load step\n",
                      a, b, r, r <= 2 ? "met" : "NOT met", lb - la }'
