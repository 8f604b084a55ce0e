#!/bin/sh
# Runs every test and prints "N passed, N failed[, N skipped]".
# Each test program speaks TAP ("ok N - name" / "not ok N - name"); a program
# that exits non-zero without reporting a failure counts as one failure.
# Pass 1 uses the optimised build, pass 2 the ASan+UBSan build. Each line
# ends with the suite's time, so that a slow CI run shows where it went.
#
# The suites of both passes run TEST_JOBS at a time (default 2: CI's cores),
# heaviest first, each line printed when its suite ends; Lighthouse, which
# scores the pages' speed on this machine, runs alone at the end. Every suite
# has its own scratch folder; the example site each pass builds once
# (tests/tools/tap.sh example_build) is built under a lock.
set -u
cd "$(dirname "$0")/.."
SPEC_DIR=${SPEC_DIR:-tests/spec/mustache}
LOG=build/test-log
rm -rf "$LOG"
mkdir -p "$LOG"

run() { # name, command…: runs it, prints its line (and failures), counts into $LOG/*.count
    name=$1; shift
    out="$LOG/$(echo "$name" | tr '/ ' '__').tap"
    t0=$(date +%s)
    "$@" >"$out" 2>"$out.err"
    rc=$?
    secs=$(($(date +%s) - t0))
    p=$(grep -c '^ok ' "$out" | tr -d ' ')
    s=$(grep -c '^ok .*# SKIP' "$out" | tr -d ' ')
    f=$(grep -c '^not ok ' "$out" | tr -d ' ')
    if [ "$rc" -ne 0 ] && [ "$f" -eq 0 ]; then
        f=1
        echo "not ok - $name exited with status $rc" >>"$out"
    fi
    # sanitizer reports fail the run even when every assertion held
    if grep -q -E '^(==[0-9]+==ERROR|SUMMARY: (Address|Undefined|Leak)Sanitizer)|runtime error:' "$out.err"; then
        f=$((f + 1))
        echo "not ok - $name: sanitizer report (see $out.err)" >>"$out"
    fi
    echo "$((p - s)) $s $f" >"$out.count"
    {
        printf '%-44s %4d passed %3d failed %5d s\n' "$name" "$((p - s))" "$f" "$secs"
        if [ "$f" -gt 0 ]; then
            grep -A3 '^not ok' "$out" | head -40 | sed 's/^/    /'
            tail -n 20 "$out.err" | sed 's/^/    | /'
        fi
    } >"$out.line"
    cat "$out.line"
}

# The sanitizer pass unwinds the stack of every allocation in one of two ways.
# Precisely (fast_unwind_on_malloc=0, DWARF): stacks run through cairo's and
# fontconfig's own frames, so tests/lsan.supp can name the library functions
# whose leaks are not ours and still report a cairo surface or font pattern
# that huace forgets to free. It costs about 2.7x the time of a whole build.
# Fast (frame pointers, ASan's default) everywhere else: a stack stops at the
# first frame inside a Debian library, so tests/lsan-fast.supp can only
# suppress by library (libcairo, libfontconfig). Leaks of huace's own
# allocations and of every other library are reported in both.
# The precise suites are the unit tests and three that draw PDFs with
# cairo and pango on small sites; the rest build the whole example, often
# several times, and would take the pass past an hour.
PRECISE_E2E="album fontsub signs"
san_env() { # precise|fast: ASAN_OPTIONS and LSAN_OPTIONS for the sanitizer pass
    if [ "$1" = precise ]; then
        ASAN_OPTIONS=${HUACE_ASAN_OPTIONS:-detect_leaks=1:abort_on_error=0:fast_unwind_on_malloc=0}
        LSAN_OPTIONS=${HUACE_LSAN_OPTIONS:-suppressions=$PWD/tests/lsan.supp:print_suppressions=0}
    else
        ASAN_OPTIONS=${HUACE_ASAN_OPTIONS:-detect_leaks=1:abort_on_error=0:fast_unwind_on_malloc=1}
        LSAN_OPTIONS=${HUACE_LSAN_OPTIONS:-suppressions=$PWD/tests/lsan-fast.supp:print_suppressions=0}
    fi
    export ASAN_OPTIONS LSAN_OPTIONS
}
# HUACE_ASAN_OPTIONS / HUACE_LSAN_OPTIONS, when set, replace both ways' options.
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}

# One job per line: pass|kind|name, kind unit, spec or e2e.
PLAIN="" SAN="[asan+ubsan]"
pass_dirs() { # pass: sets bindir and bin
    if [ "$1" = plain ]; then bindir=build/tests bin=./huace; else bindir=build/tests-san bin=build/asan/huace; fi
}
label_of() { if [ "$1" = plain ]; then echo "$PLAIN"; else echo "$SAN"; fi; }

# The slowest suites first (seconds of each pass on 2 cores, 2026-12-03),
# so that the two at a time end together; then the rest in name order.
HEAVY="pdf preflight editions browser search site serve geo check contract album-photos signs album"
# The sanitizer pass leaves out the suites that judge the built pages in
# Chromium (browser: layout, scripts, axe; lighthouse: scores). The pages are
# the same bytes from either binary, and the C code those suites run (build,
# serve) is run under the sanitizers by site.sh, serve.sh and the rest; what
# they would add is 6 more minutes of the same browser work.
SAN_LEAVE_OUT="browser lighthouse"
ALONE="lighthouse"

list_jobs() { # passes…: the job lines, heaviest first
    for h in $HEAVY; do
        for ps in "$@"; do
            [ -f "tests/e2e/$h.sh" ] || continue
            [ "$ps" = san ] && case " $SAN_LEAVE_OUT " in *" $h "*) continue ;; esac
            echo "$ps|e2e|$h"
        done
    done
    for ps in "$@"; do
        for t in tests/e2e/*.sh; do
            nm=$(basename "$t" .sh)
            case " $HEAVY $ALONE " in *" $nm "*) continue ;; esac
            [ "$ps" = san ] && case " $SAN_LEAVE_OUT " in *" $nm "*) continue ;; esac
            echo "$ps|e2e|$nm"
        done
    done
    for ps in "$@"; do
        pass_dirs "$ps"
        for t in "$bindir"/test_*; do [ -x "$t" ] && echo "$ps|unit|$(basename "$t")"; done
        echo "$ps|spec|mustache"
    done
}

run_job() { # pass|kind|name
    ps=${1%%|*} rest=${1#*|}
    kind=${rest%%|*} nm=${rest#*|}
    pass_dirs "$ps"
    label=$(label_of "$ps")
    # the example site built once per pass (tests/tools/tap.sh example_build)
    export HUACE_EXAMPLE_CACHE="$PWD/build/test-cache/$ps"
    if [ "$kind" = e2e ]; then
        case " $PRECISE_E2E " in *" $nm "*) san_env precise ;; *) san_env fast ;; esac
    else
        san_env precise
    fi
    case $kind in
        unit) run "$label unit/$nm" env CMOCKA_MESSAGE_OUTPUT=TAP "$bindir/$nm" ;;
        spec) run "$label spec/mustache" "$bindir/mustache_spec" "$SPEC_DIR" ;;
        e2e) run "$label e2e/$nm" env HUACE="$PWD/$bin" sh "tests/e2e/$nm.sh" ;;
    esac
}

worker() { # takes the next job of $LOG/jobs until none is left
    while :; do
        until mkdir "$LOG/queue.lock" 2>/dev/null; do sleep 0.05; done
        i=$(cat "$LOG/queue.next")
        echo $((i + 1)) >"$LOG/queue.next"
        rmdir "$LOG/queue.lock"
        job=$(sed -n "${i}p" "$LOG/jobs")
        [ -n "$job" ] || return 0
        run_job "$job"
    done
}

# TEST_PASSES=fast (make test-fast) runs the first pass only, TEST_PASSES=san the second only.
case ${TEST_PASSES:-all} in
    fast) passes=plain ;;
    san) passes=san ;;
    *) passes="plain san" ;;
esac
rm -rf build/test-cache
mkdir -p build/test-cache
# shellcheck disable=SC2086
list_jobs $passes >"$LOG/jobs"
echo 1 >"$LOG/queue.next"
jobs_n=${TEST_JOBS:-2}
k=0
while [ $k -lt "$jobs_n" ]; do
    worker &
    k=$((k + 1))
done
wait
for ps in $passes; do
    for a in $ALONE; do
        case "$ps $SAN_LEAVE_OUT " in san*" $a "*) continue ;; esac
        run_job "$ps|e2e|$a"
    done
done
rm -rf build/test-cache

pass=0 fail=0 skip=0
for c in "$LOG"/*.count; do
    read -r p s f <"$c"
    pass=$((pass + p)); skip=$((skip + s)); fail=$((fail + f))
done
if [ "$skip" -gt 0 ]; then
    echo "$pass passed, $fail failed, $skip skipped"
else
    echo "$pass passed, $fail failed"
fi
[ "$fail" -eq 0 ]
