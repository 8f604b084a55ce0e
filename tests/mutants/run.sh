#!/bin/sh
# tests/mutants/run.sh [NAME ...] — plants each deliberate bug of
# tests/mutants/*.patch, one at a time, in a scratch copy of the tree (never
# the working tree), builds, runs the tests the patch names on its "Tests:"
# line (the fastest subset of `make test-fast` known to catch it), and expects
# them to fail. Prints one row per mutant — caught, SURVIVED, NO-APPLY (the
# patch no longer fits the source: refresh it), NO-BUILD — and exits 1 unless
# every mutant is caught.
#
# First the same tests run on the unmutated copy and must pass (otherwise a
# "caught" would mean nothing); MUTANTS_BASELINE=0 skips that. NAME picks
# mutants by file-name prefix (run.sh 05 07). MUTANTS_KEEP=1 keeps the scratch
# copy (its path is printed). `make mutants` runs this; it is not part of
# `make test` (a dozen builds and the slower e2e suites: several minutes).
#
# Tests: names, space-separated: unit/test_x (build/tests/test_x),
# spec/mustache (build/tests/mustache_spec), e2e/x (tests/e2e/x.sh with the
# scratch huace).
set -u
cd "$(dirname "$0")/../.."
ROOT=$PWD
JOBS=${JOBS:-2}
S=$(mktemp -d "${TMPDIR:-/tmp}/huace-mutants.XXXXXX")
LOG="$S/.mutants-log"
mkdir -p "$LOG"
[ "${MUTANTS_KEEP:-0}" = 1 ] || trap 'rm -rf "$S"' EXIT

patches=""
if [ $# -eq 0 ]; then
    patches=$(ls tests/mutants/*.patch)
else
    for n in "$@"; do patches="$patches $(ls tests/mutants/"$n"*.patch)"; done
fi

# the scratch copy: the working tree as it is (edits not yet committed
# included), without build output; compiled objects are copied with their
# times so that only what a mutant touches is compiled again
tar -C "$ROOT" -cf - --exclude=./.git --exclude=./build --exclude=./huace --exclude=./public \
    --exclude='./public.tmp-huace*' . | tar -C "$S" -xf -
if [ -d build/obj ]; then mkdir -p "$S/build" && cp -a build/obj "$S/build/obj"; fi
echo "# scratch copy: $S"

tests_of() { sed -n 's/^Tests: *//p' "$1" | head -n 1; }
files_of() { sed -n 's|^+++ b/\([^	 ]*\).*|\1|p' "$1"; }

targets() { # make targets for a list of tests
    t="huace"
    for x in "$@"; do
        case "$x" in
        unit/*) t="$t build/tests/${x#unit/}" ;;
        spec/mustache) t="$t build/tests/mustache_spec" ;;
        esac
    done
    echo "$t"
}

# runs the tests; returns 0 if all passed, 1 if any failed (TAP "not ok" or a
# non-zero exit); the output goes to $LOG/$1.*
run_tests() { # label, tests…
    label=$1; shift
    failed=0
    for x in "$@"; do
        out="$LOG/$label.$(echo "$x" | tr / _)"
        case "$x" in
        unit/*) (cd "$S" && env CMOCKA_MESSAGE_OUTPUT=TAP "build/tests/${x#unit/}") >"$out" 2>&1 ;;
        spec/mustache) (cd "$S" && build/tests/mustache_spec tests/spec/mustache) >"$out" 2>&1 ;;
        e2e/*) (cd "$S" && env HUACE="$S/huace" sh "tests/e2e/${x#e2e/}.sh") >"$out" 2>&1 ;;
        *) echo "unknown test '$x'" >"$out"; false ;;
        esac
        rc=$?
        if [ $rc -ne 0 ] || grep -q '^not ok' "$out"; then failed=1; fi
    done
    return $failed
}

build() { make -C "$S" -j"$JOBS" $(targets "$@") >"$LOG/make.out" 2>&1; }

all_tests=$(for p in $patches; do tests_of "$p"; done | tr ' ' '\n' | sort -u | tr '\n' ' ')
if [ "${MUTANTS_BASELINE:-1}" != 0 ]; then
    echo "# baseline (no mutant): $all_tests"
    # shellcheck disable=SC2086
    if ! build $all_tests; then
        tail -n 20 "$LOG/make.out"; echo "# the unmutated copy does not build"; exit 2
    fi
    # shellcheck disable=SC2086
    if ! run_tests baseline $all_tests; then
        for f in "$LOG"/baseline.*; do grep -H '^not ok' "$f"; done | head -20
        echo "# the tests fail without any mutant: fix them first (logs: $LOG, MUTANTS_KEEP=1)"
        exit 2
    fi
    echo "# baseline: all pass"
fi

printf '%-34s %-9s %7s  %s\n' mutant result seconds tests
bad=0 ncaught=0 nall=0
for p in $patches; do
    name=$(basename "$p" .patch)
    tests=$(tests_of "$p")
    nall=$((nall + 1))
    t0=$(date +%s)
    mkdir -p "$S/.orig"
    for f in $(files_of "$p"); do mkdir -p "$S/.orig/$(dirname "$f")" && cp "$S/$f" "$S/.orig/$f"; done
    if ! patch -d "$S" -p1 -s -f --fuzz=2 --no-backup-if-mismatch -r - <"$p" >"$LOG/$name.patch.out" 2>&1; then
        result=NO-APPLY
    elif ! build $tests; then
        result=NO-BUILD
        cp "$LOG/make.out" "$LOG/$name.make.out"
    elif run_tests "$name" $tests; then
        result=SURVIVED
    else
        result=caught
    fi
    # put the sources back (a new mtime: make compiles them again)
    for f in $(files_of "$p"); do cp "$S/.orig/$f" "$S/$f"; done
    rm -rf "$S/.orig"
    [ "$result" = caught ] && ncaught=$((ncaught + 1)) || bad=1
    printf '%-34s %-9s %7d  %s\n' "$name" "$result" $(($(date +%s) - t0)) "$tests"
done
echo "# $ncaught of $nall mutants caught"
[ "${MUTANTS_KEEP:-0}" = 1 ] && echo "# logs: $LOG"
exit $bad
