#!/bin/sh
# Runs every test and prints "N passed, N failed[, N skipped]".
# Each test program speaks TAP ("ok N - name" / "not ok N - name"); a program
# that exits non-zero without reporting a failure counts as one failure.
# Pass 1 uses the optimised build, pass 2 the ASan+UBSan build. Each line
# ends with the suite's time, so that a slow CI run shows where it went.
set -u
cd "$(dirname "$0")/.."
SPEC_DIR=${SPEC_DIR:-tests/spec/mustache}
LOG=build/test-log
mkdir -p "$LOG"
pass=0 fail=0 skip=0

run() { # name, command…
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
    pass=$((pass + p - s)); skip=$((skip + s)); fail=$((fail + f))
    printf '%-44s %4d passed %3d failed %5d s\n' "$name" "$((p - s))" "$f" "$secs"
    if [ "$f" -gt 0 ]; then
        grep -A3 '^not ok' "$out" | head -40 | sed 's/^/    /'
        tail -n 20 "$out.err" | sed 's/^/    | /'
    fi
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

suite() { # label, bindir, huace binary, suites left out
    label=$1 bindir=$2 bin=$3 leave_out=$4
    # the example site built once per pass (tests/tools/tap.sh example_build)
    export HUACE_EXAMPLE_CACHE="$PWD/build/test-cache/$(echo "${label:-plain}" | tr -cd a-z)"
    rm -rf "$HUACE_EXAMPLE_CACHE"
    san_env precise
    for t in "$bindir"/test_*; do
        [ -x "$t" ] || continue
        run "$label unit/$(basename "$t")" env CMOCKA_MESSAGE_OUTPUT=TAP "$t"
    done
    run "$label spec/mustache" "$bindir/mustache_spec" "$SPEC_DIR"
    for t in tests/e2e/*.sh; do
        name=$(basename "$t" .sh)
        case " $leave_out " in *" $name "*) continue ;; esac
        case " $PRECISE_E2E " in *" $name "*) san_env precise ;; *) san_env fast ;; esac
        run "$label e2e/$name" env HUACE="$PWD/$bin" sh "$t"
    done
}

# HUACE_ASAN_OPTIONS / HUACE_LSAN_OPTIONS, when set, replace both ways' options.
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
# TEST_PASSES=fast (make test-fast) runs the first pass only, TEST_PASSES=san the second only.
[ "${TEST_PASSES:-all}" = san ] || suite "" build/tests ./huace ""
# The sanitizer pass leaves out the suites that judge the built pages in
# Chromium (browser: layout, scripts, axe; lighthouse: scores). The pages are
# the same bytes from either binary, and the C code those suites run (build,
# serve) is run under the sanitizers by site.sh, serve.sh and the rest; what
# they would add is 6 more minutes of the same browser work.
[ "${TEST_PASSES:-all}" = fast ] || suite "[asan+ubsan]" build/tests-san build/asan/huace "browser lighthouse"
rm -rf build/test-cache

if [ "$skip" -gt 0 ]; then
    echo "$pass passed, $fail failed, $skip skipped"
else
    echo "$pass passed, $fail failed"
fi
[ "$fail" -eq 0 ]
