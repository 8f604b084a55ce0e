#!/bin/sh
# run.sh — huace vs Hugo on a generated corpus (issue 3). See tests/bench/README.md.
#
#   tests/bench/run.sh [N]                      benchmark with N case studies (default 10000)
#   tests/bench/run.sh --generate-only DIR [N]  only write the huace corpus into DIR
#   tests/bench/run.sh --generate-hugo DIR [N]  only write the Hugo version into DIR
#   tests/bench/run.sh --size                   only the bounded-cost targets (size.sh)
#   tests/bench/run.sh --photos                 only the photo comparison (photos.sh)
#   tests/bench/run.sh --search [N]             only the search index size (search.sh; N default 10000)
#   tests/bench/run.sh --serve [N]              only huace serve's edit-to-visible latency (serve.sh; N default 10000)
#
# Environment: HUGO=0 skips Hugo; WEASY=0 skips the maps/album section (example site); LAYERS=0 the
# map layers at GIS size (layers.sh); GROWTH=1
# also times N/10 (always from N=100000 on: the linear-growth target); RUNS (default 3)
# timed runs per measurement, after one warm-up; HUACE (default ./huace) the binary;
# KEEP=1 keeps the temporary folder; STAGE_TIMEOUT (default 900 s) limits the
# maps/print build and WeasyPrint; SIZE=0 skips the bounded-cost targets at the end;
# PHOTOS=0 skips the photo comparison (photos.sh: PHOTO_RUNS, PHOTO_JOBS, PHOTO_CACHE);
# SEARCH=0 skips the search index size (search.sh, at 10000 case studies); SERVE=0 skips
# huace serve's edit-to-visible latency (serve.sh, at 10000 case studies; SERVE_RUNS, default 5).
set -eu

HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
GEN="$HERE/gen.py"

case "${1:-}" in
--generate-only|--generate-hugo)
    [ $# -ge 2 ] || { echo "usage: $0 $1 DIR [N]" >&2; exit 2; }
    kind=huace; [ "$1" = --generate-hugo ] && kind=hugo
    exec python3 "$GEN" "$kind" "$2" "${3:-10000}"
    ;;
--size)
    exec sh "$HERE/size.sh"
    ;;
--photos)
    exec sh "$HERE/photos.sh"
    ;;
--search)
    exec sh "$HERE/search.sh" "${2:-10000}"
    ;;
--serve)
    exec sh "$HERE/serve.sh" "${2:-10000}"
    ;;
-h|--help)
    sed -n '2,19p' "$0" | sed 's/^# \{0,1\}//'
    exit 0
    ;;
esac

N=${1:-10000}
case "$N" in ''|*[!0-9]*) echo "run.sh: N must be a number, got '$N'" >&2; exit 2 ;; esac
RUNS=${RUNS:-3}
HUACE=${HUACE:-$ROOT/huace}
HUGO=${HUGO:-1}
WEASY=${WEASY:-1}
STAGE_TIMEOUT=${STAGE_TIMEOUT:-900}
TIME=/usr/bin/time

die() { echo "run.sh: error: $*" >&2; exit 1; }
[ -x "$HUACE" ] || die "no huace binary at $HUACE (run make huace)"
"$TIME" -f '%e' true >/dev/null 2>&1 || die "GNU time not found at $TIME (apt-get install time)"
command -v python3 >/dev/null || die "python3 not found"
if [ "$HUGO" != 0 ] && ! command -v hugo >/dev/null; then
    echo "run.sh: hugo not installed (apt-get install hugo): skipping the Hugo part" >&2
    HUGO=0
fi

TMP=$(mktemp -d "${TMPDIR:-/tmp}/huace-bench.XXXXXX")
cleanup() { if [ "${KEEP:-0}" = 1 ]; then echo "run.sh: kept $TMP" >&2; else rm -rf "$TMP"; fi; }
trap cleanup EXIT
trap 'exit 130' INT TERM

TRASH_NOW=0
# about 30 KB of output per case study and run, for huace and for Hugo
NEED_KB=$(( N * 30 * (RUNS + 1) * 2 ))
AVAIL_KB=$(df -Pk "$TMP" | awk 'NR == 2 { print $4 }')
if [ "${AVAIL_KB:-0}" -lt "$NEED_KB" ]; then
    TRASH_NOW=1
    echo "run.sh: only $((AVAIL_KB / 1024)) MB free in $TMP, $((NEED_KB / 1024)) MB needed to keep every run's output:" >&2
    echo "run.sh: deleting each output before the next run (slows the next build on some file systems)" >&2
fi

now() { date +%s.%N; }
# sub A B: A - B, 2 decimals
sub() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a - b }'; }
add() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a + b }'; }

# measure NAME CMD...: runs CMD under GNU time; sets W (wall s), C (user+sys s), M (peak RSS KB);
# the command's stderr is kept in $TMP/NAME.err. A failing command ends the script, or
# with SOFT=1 makes measure return 1.
measure() {
    name=$1; shift
    if ! "$TIME" -f '%e %U %S %M' -o "$TMP/time.out" "$@" >"$TMP/$name.out" 2>"$TMP/$name.err"; then
        echo "run.sh: '$*' failed:" >&2
        tail -n 20 "$TMP/$name.err" >&2
        tail -n 3 "$TMP/time.out" >&2
        [ "${SOFT:-0}" = 1 ] && return 1
        exit 1
    fi
    set -- $(tail -n 1 "$TMP/time.out")
    W=$1; C=$(add "$2" "$3"); M=$4
}

# record FILE: appends the last measurement to FILE (one "wall cpu rss" line per run)
record() { echo "$W $C $M" >>"$1"; }
# median FILE COLUMN
median() { awk -v c="$2" '{ print $c }' "$1" | sort -g | awk -v r="$RUNS" 'NR == int((r + 1) / 2) { print; exit }'; }
mb() { awk -v k="$1" 'BEGIN { printf "%.1f", k / 1024 }'; }
pages() { find "$1" -name index.html | wc -l | tr -d ' '; }
# discard DIR: output folders are moved aside and deleted in one go after the timed part.
# Deleting a tree of 100,000 pages' folders takes a minute on some file systems, and
# ext4 without a journal then spends the next minutes skipping the inodes just freed
# on every file it creates: a delete right before a timed build would time the file
# system's aftermath, not the build. Only when the disk cannot hold every run's
# output are folders deleted at once (and the figures say so).
discard() {
    [ -e "$1" ] || return 0
    if [ "$TRASH_NOW" = 1 ]; then rm -rf "$1"
    else mkdir -p "$TMP/trash"; mv "$1" "$TMP/trash/$(basename "$1").$$.$(date +%s%N)"; fi
}
empty_trash() { rm -rf "$TMP/trash"; }
# runs FILE: the wall times of every run, for spotting noise
runs() { awk '{ printf "%s%s", (NR > 1 ? " " : ""), $1 }' "$1"; }

echo "== huace benchmark: N=$N case studies, $(( N / 10 > 0 ? N / 10 : 1 )) projects; median of $RUNS runs after 1 warm-up"
echo "machine: $(nproc) cores, $(awk -F': ' '/^model name/ { print $2; exit }' /proc/cpuinfo), $(awk '/^MemTotal/ { printf "%.1f GB RAM", $2 / 1048576 }' /proc/meminfo)"
echo "huace: $("$HUACE" version 2>&1 | head -n 1) ($HUACE)"
[ "$HUGO" != 0 ] && echo "hugo:  $(hugo version 2>&1 | head -n 1)"
echo "tmp:   $TMP"
echo "load average at start: $(cut -d' ' -f1-3 /proc/loadavg) (other work on the machine makes the figures noisy)"
echo

# ---------------------------------------------------------------- huace
HC_SITE="$TMP/huace"
T_HC0=$(now)
measure gen-huace python3 "$GEN" huace "$HC_SITE" "$N"
GEN_HC=$W
echo "corpus (huace site): $GEN_HC s — $(du -sh "$HC_SITE/content" | cut -f1) of content"

TIMINGS=""
"$HUACE" help build 2>&1 | grep -q -- --timings && TIMINGS=--timings

hc_build() {  # fresh output folder each time: a full build, never served from a cache
    discard "$TMP/hc-out"; mkdir "$TMP/hc-out"
    measure hc-build "$HUACE" build -s "$HC_SITE" -o "$TMP/hc-out/site" --quiet $TIMINGS
}
hc_build                                      # warm-up
i=0; while [ $i -lt "$RUNS" ]; do hc_build; record "$TMP/hc.full"; i=$((i + 1)); done
HC_PAGES=$(pages "$TMP/hc-out/site")
HC_T=$(grep '^timings:' "$TMP/hc-build.err" || true)
HC_WARN=$(grep -c 'warning:' "$TMP/hc-build.err" || true)
i=0; while [ $i -lt "$RUNS" ]; do
    measure hc-noop "$HUACE" build -s "$HC_SITE" -o "$TMP/hc-out/site" --quiet $TIMINGS
    record "$TMP/hc.noop"; i=$((i + 1))
done
T_HC1=$(now)
HC_TOTAL=$(sub "$T_HC1" "$T_HC0")
HC_NOOP_T=$(grep '^timings:' "$TMP/hc-noop.err" || true)
HC_NOOP_PAGES=$(pages "$TMP/hc-out/site")
HC_FILES=$(find "$TMP/hc-out/site" -type f | wc -l | tr -d ' ')
HC_BYTES=$(du -sh "$TMP/hc-out/site" | cut -f1)

# The floor for the linear-growth target: the output tree huace just wrote,
# copied by cp -a into a fresh folder, at N and at N/10. No tool can write
# that tree (one folder per page, as the product's URLs require) with less
# growth than the file system and memory of this machine allow.
fl_copy() {  # FROM RECORD
    discard "$TMP/fl-out"; mkdir "$TMP/fl-out"
    measure fl-copy cp -a "$1" "$TMP/fl-out/site"; record "$2"
}
if [ "$N" -ge 100000 ] || [ "${GROWTH:-0}" = 1 ]; then
    i=0; while [ $i -lt "$RUNS" ]; do fl_copy "$TMP/hc-out/site" "$TMP/fl.full"; i=$((i + 1)); done
    discard "$TMP/fl-out"
fi
discard "$TMP/hc-out"

# the linear-growth target compares N with N/10, measured the same way in the same run
if [ "$N" -ge 100000 ] || [ "${GROWTH:-0}" = 1 ]; then
    SMALL=$((N / 10))
    python3 "$GEN" huace "$TMP/huace-small" "$SMALL" >/dev/null
    hc_small() {
        discard "$TMP/hs-out"; mkdir "$TMP/hs-out"
        measure hs-build "$HUACE" build -s "$TMP/huace-small" -o "$TMP/hs-out/site" --quiet
    }
    hc_small
    i=0; while [ $i -lt "$RUNS" ]; do hc_small; record "$TMP/hs.full"; i=$((i + 1)); done
    i=0; while [ $i -lt "$RUNS" ]; do fl_copy "$TMP/hs-out/site" "$TMP/fl.small"; i=$((i + 1)); done
    discard "$TMP/fl-out"; discard "$TMP/hs-out"; discard "$TMP/huace-small"
fi

# ---------------------------------------------------------------- Hugo
if [ "$HUGO" != 0 ]; then
    HG_SITE="$TMP/hugo"
    measure gen-hugo python3 "$GEN" hugo "$HG_SITE" "$N"
    GEN_HG=$W
    echo "corpus (Hugo site):  $GEN_HG s"
    hg_build() {
        discard "$TMP/hg-out"; mkdir "$TMP/hg-out"
        SOFT=1 measure hg-build env -u HUGO hugo --quiet -s "$HG_SITE" -d "$TMP/hg-out/site"
    }
    if hg_build; then                         # warm-up
        i=0; while [ $i -lt "$RUNS" ] && hg_build; do record "$TMP/hg.full"; i=$((i + 1)); done
    fi
    if [ -s "$TMP/hg.full" ] && [ "$(wc -l <"$TMP/hg.full")" -eq "$RUNS" ]; then
        HG_PAGES=$(pages "$TMP/hg-out/site")
        HG_FILES=$(find "$TMP/hg-out/site" -type f | wc -l | tr -d ' ')
        HG_BYTES=$(du -sh "$TMP/hg-out/site" | cut -f1)
    else
        echo "run.sh: Hugo failed (out of memory?): reporting huace alone" >&2
        HUGO=0
    fi
    discard "$TMP/hg-out"; discard "$HG_SITE"
fi
T0=$(now); empty_trash; CLEAN=$(sub "$(now)" "$T0")   # after every timed run, for both tools alike

# ---------------------------------------------------------------- report
HW=$(median "$TMP/hc.full" 1); HC=$(median "$TMP/hc.full" 2); HM=$(median "$TMP/hc.full" 3)
NW=$(median "$TMP/hc.noop" 1); NC=$(median "$TMP/hc.noop" 2); NM=$(median "$TMP/hc.noop" 3)
echo
printf '%-16s %7s %9s %8s %8s %10s\n' tool pages "wall s" "CPU s" "RSS MB" output
printf '%-16s %7s %9s %8s %8s %10s\n' "huace" "$HC_PAGES" "$HW" "$HC" "$(mb "$HM")" "$HC_BYTES"
printf '%-16s %7s %9s %8s %8s %10s\n' "huace no-op" "-" "$NW" "$NC" "$(mb "$NM")" ""
if [ "$HUGO" != 0 ]; then
    GW=$(median "$TMP/hg.full" 1); GC=$(median "$TMP/hg.full" 2); GM=$(median "$TMP/hg.full" 3)
    printf '%-16s %7s %9s %8s %8s %10s\n' "hugo" "$HG_PAGES" "$GW" "$GC" "$(mb "$GM")" "$HG_BYTES"
fi
if [ "$HUGO" != 0 ]; then
    echo "(pages = index.html files written; all files: huace $HC_FILES, hugo $HG_FILES, Hugo's counting its page/1/ redirect stubs)"
else
    echo "(pages = index.html files written; all files: huace $HC_FILES)"
fi
echo "wall s of each run: huace $(runs "$TMP/hc.full"); no-op $(runs "$TMP/hc.noop")$( [ "$HUGO" != 0 ] && echo "; hugo $(runs "$TMP/hg.full")")"
[ -n "$HC_T" ] && { echo "huace --timings, last full build:"; echo "$HC_T" | sed 's/^timings: */  /'; }
[ -n "$HC_NOOP_T" ] && { echo "huace --timings, last no-op build:"; echo "$HC_NOOP_T" | sed 's/^timings: */  /'; }
[ "$HC_WARN" != 0 ] && echo "huace printed $HC_WARN warnings (see a run with KEEP=1)"
[ "$HC_NOOP_PAGES" = "$HC_PAGES" ] || echo "note: the no-op rebuild left $HC_NOOP_PAGES pages, the full build $HC_PAGES"

# verdict TARGET_TEXT VALUE LIMIT: PASS when VALUE <= LIMIT
verdict() { awk -v v="$2" -v l="$3" -v t="$1" 'BEGIN { printf "  %-46s %9s  %s\n", t, v, (v + 0 <= l + 0 ? "PASS" : "MISS") }'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b + 0 > 0) printf "%.4f", a / b; else print "inf" }'; }
echo
echo "targets (issue 3; stated for N=10000, the RSS one for N=100000):"
if [ "$HUGO" != 0 ]; then
    RW=$(ratio "$HW" "$GW"); RM=$(ratio "$HM" "$GM")
    echo "  huace/Hugo: wall $RW (Hugo takes $(awk -v a="$GW" -v b="$HW" 'BEGIN { printf "%.1f", (b > 0 ? a / b : 0) }')x as long), CPU $(ratio "$HC" "$GC"), RSS $RM"
    verdict "wall huace/Hugo <= 1/8 (0.125)" "$RW" 0.125
    verdict "peak RSS huace/Hugo <= 1/10 (0.100)" "$RM" 0.100
fi
NP=$(awk -v a="$NW" -v b="$HW" 'BEGIN { printf "%.1f", (b > 0 ? 100 * a / b : 0) }')
verdict "no-op rebuild <= 10 % of full build (%)" "$NP" 10
[ "$N" -eq 10000 ] && verdict "huace part of make bench <= 60 s (N=10000)" "$HC_TOTAL" 60
if [ "$N" -ge 100000 ] || [ "${GROWTH:-0}" = 1 ]; then
    SW=$(median "$TMP/hs.full" 1)
    echo "  N=$SMALL in the same run: huace $SW s wall (runs: $(runs "$TMP/hs.full")); N=$N takes $(awk -v a="$HW" -v b="$SW" 'BEGIN { printf "%.1f", (b > 0 ? a / b : 0) }')x as long"
    verdict "wall N=$N <= 11x wall N=$SMALL" "$(awk -v a="$HW" -v b="$SW" 'BEGIN { printf "%.2f", (b > 0 ? a / b : 0) }')" 11
    FW=$(median "$TMP/fl.full" 1); FS=$(median "$TMP/fl.small" 1)
    echo "  floor: cp -a of huace's own output into a fresh folder: N=$N $FW s (runs: $(runs "$TMP/fl.full")), N=$SMALL $FS s (runs: $(runs "$TMP/fl.small")): $(awk -v a="$FW" -v b="$FS" 'BEGIN { printf "%.1f", (b > 0 ? a / b : 0) }')x"
    echo "         (how writing the same tree grows on this machine, rendering nothing)"
fi
[ "$N" -ge 100000 ] && verdict "peak RSS < 256 MB at N>=100000 (MB)" "$(mb "$HM")" 255.99
echo "  huace part: corpus $GEN_HC s + warm-up + $RUNS full builds + $RUNS no-op builds = $HC_TOTAL s (deleting every run's output afterwards took $CLEAN s, not counted)"
echo "  load average at end: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "  per 1000 case studies: huace $(awk -v w="$HW" -v n="$N" 'BEGIN { printf "%.3f", 1000 * w / n }') s wall (from N=100000 on, or with GROWTH=1, N/10 is measured in the same run for the linear-growth target)"

# ---------------------------------------------------------------- maps and print stages
# Measured on the example site (the repository root), the size a district
# really has: a 10,000-case album would be a book nobody prints.
if [ "$WEASY" != 0 ]; then
    echo
    echo "== maps and album on the example site (WEASY=0 skips)"
    rm -rf "$TMP/ex-out"
    if "$HUACE" build -s "$ROOT" -o "$TMP/ex-out" --quiet --timings --today 2026-11-30 >/dev/null 2>"$TMP/ex.err"; then
        grep '^timings: \(maps\|pdf\)' "$TMP/ex.err" | sed 's/^timings: */  /'
        awk '/^timings: maps/ { for (i = 1; i <= NF; i++) if ($i ~ /^\(/) n = substr($i, 2); t = $3;
                                 if (t > 0) printf "  maps per second: %.1f (%d images in %s s)\n", n / t, n, t }' "$TMP/ex.err"
        if command -v weasyprint >/dev/null; then
            HUACE="$HUACE" RUNS=1 sh "$HERE/weasyprint.sh" "$ROOT" 2>&1 | sed 's/^/  /'
        else
            echo "  weasyprint not installed: album comparison skipped"
        fi
    else
        echo "huace build of the example site failed:"
        tail -n 5 "$TMP/ex.err"
    fi
fi

# ---------------------------------------------------------------- map layers (issue 17)
if [ "${LAYERS:-1}" != 0 ]; then
    echo
    HUACE="$HUACE" sh "$HERE/layers.sh" || echo "run.sh: the map layers part failed" >&2
fi

# ---------------------------------------------------------------- photos (issue 12)
if [ "${PHOTOS:-1}" != 0 ]; then
    echo
    HUACE="$HUACE" HUGO="$HUGO" sh "$HERE/photos.sh" || echo "run.sh: the photo part failed" >&2
fi

# ---------------------------------------------------------------- bounded cost (issue 11)
if [ "${SIZE:-1}" != 0 ]; then
    echo
    HUACE="$HUACE" RUNS="$RUNS" sh "$HERE/size.sh" || echo "run.sh: the bounded-cost part failed" >&2
fi

# ---------------------------------------------------------------- search index (issue 13)
if [ "${SEARCH:-1}" != 0 ]; then
    echo
    HUACE="$HUACE" sh "$HERE/search.sh" 10000 || echo "run.sh: the search index part failed" >&2
fi

# ---------------------------------------------------------------- serve latency (issue 15)
if [ "${SERVE:-1}" != 0 ]; then
    echo
    HUACE="$HUACE" sh "$HERE/serve.sh" 10000 || echo "run.sh: the serve latency part failed" >&2
fi
