#!/bin/sh
# The fuzz targets (tests/fuzz/) still build and run clean: each replays its
# seed corpus once (libFuzzer -runs=0: every seed executed, no fuzzing) and
# every reproducer saved under tests/fuzz/regress/<target>/, under ASan,
# UBSan and LeakSanitizer, and must exit 0 with no finding. The targets are
# built by `make fuzz` (part of `make test`'s binaries; clang is installed by
# scripts/install-deps.sh); if they are missing, this builds them, and a
# failed build is a failure, not a skip. The huace binary under test
# ($HUACE) does not matter here.
. tests/tools/tap.sh

targets="yamlv frontmatter mustache markdown image http pdfcontent"
missing=0
for t in $targets; do [ -x "build/fuzz/fuzz_$t" ] || missing=1; done
if [ "$missing" = 1 ]; then
    check "make fuzz builds the targets" make -s fuzz
fi

export ASAN_OPTIONS=detect_leaks=1:abort_on_error=0
export LSAN_OPTIONS=suppressions=$PWD/tests/lsan.supp:print_suppressions=0
export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
export TMPDIR=$T   # what a crashed target leaves behind goes with the scratch folder
for t in $targets; do
    bin=build/fuzz/fuzz_$t
    if [ ! -x "$bin" ]; then notok "$t: $bin was not built"; continue; fi
    seeds=$(ls tests/fuzz/corpus/"$t" | wc -l | tr -d ' ')
    "$bin" -runs=0 -timeout=25 -rss_limit_mb=2048 -dict=tests/fuzz/"$t".dict tests/fuzz/corpus/"$t" >"$T/$t.log" 2>&1
    st=$?
    # "#N INITED": N seeds were read and executed (N counts every input run)
    ran=$(sed -n 's/^#\([0-9]*\)[[:space:]]*INITED.*/\1/p' "$T/$t.log")
    if [ "$st" = 0 ] && [ "$seeds" -gt 0 ] && [ "${ran:-0}" -ge "$seeds" ]; then
        ok "$t: $seeds seeds replay clean"
    else
        notok "$t: seed replay (exit $st, $seeds seeds, ran ${ran:-none})"
        grep -E 'ERROR|runtime error|invariant failed|SUMMARY' "$T/$t.log" | head -10 | sed 's/^/# /'
    fi
    if [ -d tests/fuzz/regress/"$t" ]; then
        for f in tests/fuzz/regress/"$t"/*; do
            [ -f "$f" ] || continue
            "$bin" -timeout=10 -rss_limit_mb=2048 "$f" >"$T/$t.regress.log" 2>&1
            st=$?
            if [ "$st" = 0 ]; then
                ok "$t: reproducer $(basename "$f") runs clean"
            else
                notok "$t: reproducer $(basename "$f") (exit $st)"
                grep -E 'ERROR|runtime error|invariant failed|SUMMARY' "$T/$t.regress.log" | head -10 | sed 's/^/# /'
            fi
        done
    fi
done
finish
